import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { exitOf, registeredUserEnv, runPeerCli } from './helpers/peer-cli.js';
import {
  startTestDirectory,
  type TestDirectory,
} from './helpers/peer-directory.js';
import { spawnServe, type ServeProcess } from './helpers/peer-serve.js';
import { TempDirs, waitFor } from './helpers/peer-temp.js';

const temp = new TempDirs();
const PASSWORD = 'a long enough password';
let directory: TestDirectory;
let running: ServeProcess[] = [];
let directoryUp = true;

beforeAll(async () => {
  directory = await startTestDirectory(await temp.make('ferry-dir-'));
});

afterEach(async () => {
  for (const { child } of running) {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  running = [];
  if (!directoryUp) {
    await directory.restart();
    directoryUp = true;
  }
});

afterAll(async () => {
  await directory.close();
  await temp.cleanup();
});

async function userEnv(username: string): Promise<NodeJS.ProcessEnv> {
  const home = await temp.make(`ferry-${username}-`);
  return registeredUserEnv(username, directory.url, PASSWORD, home);
}

/** Starts `serve` for `env`, killed after the test. */
function serve(env: NodeJS.ProcessEnv): ServeProcess {
  const peer = spawnServe([], env);
  running.push(peer);
  return peer;
}

async function stopDirectory(): Promise<void> {
  await directory.close();
  directoryUp = false;
}

describe('serve while the directory is down', () => {
  it('waits, saying why, and goes online once the directory is back', async () => {
    const alice = await userEnv('alice');
    const bob = await userEnv('bob');
    await stopDirectory();
    // Given alice serving while the directory is down
    const peer = serve(alice);
    // Then she says she is waiting, and why, more than once
    await peer.saw('waiting for the directory');
    expect(peer.stderr).toContain('ECONNREFUSED');
    await waitFor(
      () =>
        peer.stderr.split('waiting for the directory').length > 2
          ? true
          : undefined,
      'a second try',
    );
    expect(peer.child.exitCode).toBeNull();
    // When the directory comes back, she goes online
    await directory.restart();
    directoryUp = true;
    await peer.serving();
    await waitFor(async () => {
      const result = await runPeerCli(['peers', '--json'], bob);
      return result.stdout.includes('"alice"') ? true : undefined;
    }, 'alice to be listed');
    peer.child.kill('SIGTERM');
    expect(await exitOf(peer.child), peer.stderr).toBe(0);
  });

  it('stops cleanly on SIGINT while waiting', async () => {
    const carol = await userEnv('carol');
    await stopDirectory();
    const peer = serve(carol);
    await peer.saw('waiting for the directory');
    peer.child.kill('SIGINT');
    expect(await exitOf(peer.child), peer.stderr).toBe(0);
    expect(peer.stderr).not.toContain('unexpected error');
  });

  it('still fails at once on a wrong password', async () => {
    const dave = await userEnv('dave');
    const peer = serve({ ...dave, FERRY_PASSWORD: 'not the right password' });
    expect(await exitOf(peer.child), peer.stderr).toBe(1);
    expect(peer.stderr).toContain('Wrong username or password');
    expect(peer.stderr).not.toContain('waiting for the directory');
  });
});

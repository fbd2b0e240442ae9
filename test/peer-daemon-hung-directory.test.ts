import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { exitOf, runPeerCli } from './helpers/peer-cli.js';
import { spawnServe } from './helpers/peer-serve.js';
import { TempDirs, waitFor } from './helpers/peer-temp.js';
import { PROGRAMS, REPO_ROOT } from './helpers/programs.js';

const temp = new TempDirs();
const PASSWORD = 'a long enough password';
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await temp.cleanup();
});

/** Starts `serve` for `env`, killed after the test. */
function serve(env: NodeJS.ProcessEnv) {
  const peer = spawnServe([], env);
  cleanups.push(() => {
    if (peer.child.exitCode === null) peer.child.kill('SIGKILL');
  });
  return peer;
}

/** A real `ferry-directory` process with a 3 s peer TTL (1 s heartbeats). */
async function directoryProcess(): Promise<{
  url: string;
  child: ChildProcess;
}> {
  const db = `${await temp.make('ferry-dir-')}/directory.db`;
  const child = spawn(
    process.execPath,
    [PROGRAMS['ferry-directory'], '--port', '0', '--db', db, '--peer-ttl', '3'],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  cleanups.push(async () => {
    child.kill('SIGCONT');
    child.kill('SIGKILL');
    await exitOf(child);
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await waitFor(
    () => /listening on (http:\/\/[\d.:]+)/.exec(output)?.[1],
    'the directory to listen',
  );
  return { url, child };
}

describe('stopping serve while the directory hangs', () => {
  it('exits soon after SIGTERM once online, saying it could not log out', async () => {
    const directory = await directoryProcess();
    const env = {
      FERRY_DIRECTORY: directory.url,
      FERRY_PASSWORD: PASSWORD,
      FERRY_HOME: await temp.make('ferry-alice-'),
      FERRY_USER: 'alice',
    };
    expect((await runPeerCli(['register'], env)).status).toBe(0);
    const peer = serve(env);
    await peer.serving();
    // Given a directory that accepts connections and never answers
    directory.child.kill('SIGSTOP');
    // And a heartbeat sent to it meanwhile
    await sleep(2500);
    // When alice is stopped, she exits and says she could not log out
    peer.child.kill('SIGTERM');
    expect(await exitOf(peer.child), peer.stderr).toBe(0);
    expect(peer.stderr).toContain('could not log out');
  }, 40_000);

  it('exits soon after SIGINT while the login hangs', async () => {
    // Given a "directory" that accepts connections and never answers
    const server = net.createServer();
    const sockets: net.Socket[] = [];
    server.on('connection', (socket) => sockets.push(socket));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    cleanups.push(() => {
      for (const socket of sockets) socket.destroy();
      server.close();
    });
    const { port } = server.address() as net.AddressInfo;
    const peer = serve({
      FERRY_DIRECTORY: `http://127.0.0.1:${port}`,
      FERRY_PASSWORD: PASSWORD,
      FERRY_HOME: await temp.make('ferry-bob-'),
      FERRY_USER: 'bob',
    });
    // When bob's login reaches it and he is interrupted
    await once(server, 'connection');
    peer.child.kill('SIGINT');
    // Then he exits, saying he stopped while waiting
    expect(await exitOf(peer.child), peer.stderr).toBe(0);
    expect(peer.stderr).toContain('stopped while waiting for the directory');
  }, 40_000);
});

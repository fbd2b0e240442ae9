import type { ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  exitOf,
  registeredUserEnv,
  runPeerCli,
  spawnPeerCli,
} from './helpers/peer-cli.js';
import {
  startTestDirectory,
  type TestDirectory,
} from './helpers/peer-directory.js';
import { TempDirs, waitFor } from './helpers/peer-temp.js';

const temp = new TempDirs();
const PASSWORD = 'a long enough password';
const PEER_TTL_MS = 3000;
let directory: TestDirectory;
let serve: ChildProcess | undefined;

beforeAll(async () => {
  directory = await startTestDirectory(
    await temp.make('ferry-dir-'),
    PEER_TTL_MS,
  );
});

afterAll(async () => {
  if (serve && serve.exitCode === null) {
    serve.kill('SIGTERM');
    await exitOf(serve);
  }
  await directory.close();
  await temp.cleanup();
});

async function userEnv(username: string): Promise<NodeJS.ProcessEnv> {
  const home = await temp.make(`ferry-${username}-`);
  return registeredUserEnv(username, directory.url, PASSWORD, home);
}

describe('serve --heartbeat longer than the directory peer TTL', () => {
  it('warns, beats at half the TTL and stays online', async () => {
    const alice = await userEnv('alice');
    const bob = await userEnv('bob');
    // Given alice serving with a heartbeat 20 times the directory's TTL
    serve = spawnPeerCli(['serve', '--heartbeat', '60000'], alice);
    let stderr = '';
    serve.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await waitFor(
      () => (stderr.includes('"msg":"serving"') ? true : undefined),
      'alice serving',
    );
    // Then she is told, naming both figures
    await waitFor(
      () => (stderr.includes('heartbeat longer') ? true : undefined),
      'the heartbeat warning',
    );
    expect(stderr).toMatch(/"requestedMs":60000/);
    expect(stderr).toMatch(/"usedMs":1500/);
    // And several TTLs later the directory still lists her
    await sleep(3 * PEER_TTL_MS);
    const peers = await runPeerCli(['peers', '--json'], bob);
    const doc = JSON.parse(peers.stdout) as { peers: { username: string }[] };
    expect(doc.peers.map((p) => p.username)).toContain('alice');
  });
});

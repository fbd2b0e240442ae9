import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredUserEnv, runPeerCli } from './helpers/peer-cli.js';
import {
  startTestDirectory,
  type TestDirectory,
} from './helpers/peer-directory.js';
import {
  spawnServe,
  stopServe,
  type ServeProcess,
} from './helpers/peer-serve.js';
import { TempDirs } from './helpers/peer-temp.js';

const temp = new TempDirs();
const PASSWORD = 'a long enough password';
const PEER_TTL_MS = 3000;
let directory: TestDirectory;
let serve: ServeProcess | undefined;

beforeAll(async () => {
  directory = await startTestDirectory(
    await temp.make('ferry-dir-'),
    PEER_TTL_MS,
  );
});

afterAll(async () => {
  await stopServe(serve, 'SIGTERM');
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
    serve = spawnServe(['--heartbeat', '60000'], alice);
    await serve.serving();
    // Then she is told, naming both figures
    await serve.saw('heartbeat longer');
    expect(serve.stderr).toMatch(/"requestedMs":60000/);
    expect(serve.stderr).toMatch(/"usedMs":1500/);
    // And several TTLs later the directory still lists her
    await sleep(3 * PEER_TTL_MS);
    const peers = await runPeerCli(['peers', '--json'], bob);
    const doc = JSON.parse(peers.stdout) as { peers: { username: string }[] };
    expect(doc.peers.map((p) => p.username)).toContain('alice');
  });
});

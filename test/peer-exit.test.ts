import { afterAll, describe, expect, it } from 'vitest';
import { runNodeProgram } from './helpers/node-program.js';
import { TempDirs } from './helpers/peer-temp.js';

const temp = new TempDirs();
afterAll(() => temp.cleanup());

/**
 * A program that starts a directory and two peers, stops them while a
 * download runs, and then simply returns: it must exit by itself.
 */
const PROGRAM = `
import { mkdir, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { startDirectory } from '@ferry/directory';
import { connectPeer } from '@ferry/peer-core';
const root = process.argv[1];
const directory = await startDirectory({ port: 0, dbPath: root + '/dir.db' });
const profile = async (username) => {
  const home = root + '/' + username;
  await mkdir(home + '/share', { recursive: true });
  return { home, profile: { name: 'test', directoryUrl: directory.url, username,
    shareDir: home + '/share', downloadDir: home + '/dl', listen: '127.0.0.1:0' } };
};
const a = await profile('alice');
await writeFile(a.home + '/share/big.bin', randomBytes(8 << 20));
const alice = await connectPeer({ profile: a.profile, password: 'password123', register: true },
  { home: a.home, uploadRateBps: 1_000_000 });
await alice.rescan();
const b = await profile('bobby');
const bob = await connectPeer({ profile: b.profile, password: 'password123', register: true },
  { home: b.home });
let found;
while (!(found = (await bob.search('big')).results[0])) await new Promise((r) => setTimeout(r, 100));
const id = bob.download(found);
while (!(bob.snapshot().transfers.find((t) => t.id === id)?.bytesDone > 0)) {
  await new Promise((r) => setTimeout(r, 100));
}
await bob.stop();
await alice.stop();
await directory.close();
console.log('stopped');
`;

describe('stopping a peer', () => {
  it('lets the process exit by itself while a download was running', async () => {
    const root = await temp.make('ferry-exit-');
    // A hung process is killed after 45 s and the test fails
    const { code, stdout, stderr } = await runNodeProgram(PROGRAM, [root]);
    expect(stderr).not.toMatch(/Error/);
    expect(stdout).toContain('stopped');
    expect(code).toBe(0);
  });
});

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startTestDirectory,
  type TestDirectory,
} from './helpers/peer-directory.js';
import { startTestPeer, type TestPeer } from './helpers/peer-network.js';
import { TempDirs, waitFor, writeRandomFile } from './helpers/peer-temp.js';

const temp = new TempDirs();
/** Long enough that no peer drops off while the test runs. */
const TTL_MS = 120_000;
let directory: TestDirectory;
let bob: TestPeer;
let erin: TestPeer;

beforeAll(async () => {
  directory = await startTestDirectory(await temp.make('ferry-dir-'), TTL_MS);
  bob = await startTestPeer(temp, 'bob', directory.url);
  // erin's heartbeat is far away: only her share updates reach the directory
  erin = await startTestPeer(temp, 'erin', directory.url, {
    heartbeatMs: 60_000,
    settleMs: 0,
  });
});

afterAll(async () => {
  await Promise.all([bob?.peer.stop(), erin?.peer.stop()]);
  await directory?.close();
  await temp.cleanup();
});

describe('share updates after a failed one', () => {
  it('send the whole index at once, not at the next heartbeat', async () => {
    // Given an update that failed while the directory was down
    await directory.close();
    const lost = await writeRandomFile(
      path.join(erin.shareDir, 'while-away.bin'),
      5000,
    );
    await waitFor(
      () => (erin.peer.snapshot().share.fileCount === 1 ? true : undefined),
      'erin to index the first file',
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    await directory.restart();
    // When another file is added once it is back
    const later = await writeRandomFile(
      path.join(erin.shareDir, 'while-back.bin'),
      6000,
    );
    // Then bob finds both long before erin's next heartbeat
    const found = await waitFor(async () => {
      const { results } = await bob.peer.search('while');
      const hashes = results.map((r) => r.sha256);
      return hashes.includes(lost) && hashes.includes(later)
        ? results
        : undefined;
    }, 'both files to be searchable');
    expect(found).toHaveLength(2);
  });
});

import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { DirectoryClient, connectPeer, type Peer } from '@ferry/peer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startTestDirectory,
  type TestDirectory,
} from './helpers/peer-directory.js';
import {
  FAST_TIMING,
  TEST_PASSWORD,
  peerProfile,
  startTestPeer,
  type TestPeer,
} from './helpers/peer-network.js';
import { TempDirs, waitFor, writeRandomFile } from './helpers/peer-temp.js';

const temp = new TempDirs();
let directory: TestDirectory;
let bob: TestPeer;
let erin: Peer | undefined;
let appending: NodeJS.Timeout | undefined;

beforeAll(async () => {
  directory = await startTestDirectory(await temp.make('ferry-dir-'));
  bob = await startTestPeer(temp, 'bob', directory.url);
});

afterAll(async () => {
  clearInterval(appending);
  await Promise.all([bob?.peer.stop(), erin?.stop()]);
  await directory?.close();
  await temp.cleanup();
});

describe('files written just before or after a peer starts', () => {
  it('are announced with the default settle time, even while another file keeps growing', async () => {
    // Given files written right before connectPeer (registered beforehand,
    // so they are younger than the default settleMs when first scanned)
    const { profile, home } = await peerProfile(temp, 'erin', directory.url);
    await new DirectoryClient(directory.url).register('erin', TEST_PASSWORD);
    const hashes = new Set<string>();
    for (let i = 0; i < 12; i += 1) {
      const file = path.join(profile.shareDir, `freshly-made-${i}.bin`);
      hashes.add(await writeRandomFile(file, 1_000_000 + i));
    }
    // And a log in the share that keeps growing meanwhile
    const log = path.join(profile.shareDir, 'busy.log');
    appending = setInterval(() => {
      void appendFile(log, `${Date.now()}\n`).catch(() => undefined);
    }, 20);
    erin = await connectPeer(
      { profile, password: TEST_PASSWORD },
      { home, directory: FAST_TIMING.directory },
    );
    // And more written right after it started
    for (let i = 12; i < 18; i += 1) {
      const file = path.join(profile.shareDir, `freshly-made-${i}.bin`);
      hashes.add(await writeRandomFile(file, 1_000_000 + i));
    }
    // Then another peer finds every one of them within a bounded wait
    const found = await waitFor(async () => {
      const { results } = await bob.peer.search('freshly', { limit: 50 });
      const seen = results.filter((r) => hashes.has(r.sha256));
      return seen.length === hashes.size ? seen : undefined;
    }, 'every fresh file to be searchable');
    expect(found.map((r) => r.sources)).toEqual(Array(hashes.size).fill(1));
    // And the peer list counts them
    const listed = await waitFor(() => {
      const peer = bob.peer.snapshot().peers.find((p) => p.username === 'erin');
      return (peer?.fileCount ?? 0) >= hashes.size ? peer : undefined;
    }, 'the peer list to count every fresh file');
    clearInterval(appending);
    expect(listed.totalBytes).toBeGreaterThan(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onlineWithFiles, tiedTracks } from './helpers/directory-http.js';
import {
  startTestDirectory,
  type TestDirectory,
} from './helpers/peer-directory.js';
import { startTestPeer, type TestPeer } from './helpers/peer-network.js';
import { TempDirs } from './helpers/peer-temp.js';

const temp = new TempDirs();
let directory: TestDirectory;
let bob: TestPeer;

beforeAll(async () => {
  directory = await startTestDirectory(await temp.make('ferry-dir-'), 60_000);
  // alice is online with 130 names that tie on length
  await onlineWithFiles(directory.url, 'alice', tiedTracks('mp3'));
  bob = await startTestPeer(temp, 'bob', directory.url);
});

afterAll(async () => {
  await bob?.peer.stop();
  await directory?.close();
  await temp.cleanup();
});

describe('Peer.search says when more files match than it lists', () => {
  it('when the directory left out names of a large tie', async () => {
    // When bob searches for the word all 130 names share
    const page = await bob.peer.search('track', { limit: 200 });
    // Then he gets the 128 a search reads, and is told there are more
    expect(page.results).toHaveLength(128);
    expect(page.more).toBe(true);
  });

  it('when more results lie past the limit', async () => {
    // When bob asks for 4 of the ten "track 00…" names
    const page = await bob.peer.search('track 00', { limit: 4 });
    expect(page.results).toHaveLength(4);
    expect(page.more).toBe(true);
  });

  it('and not when it lists every match', async () => {
    // When bob asks for all ten
    const page = await bob.peer.search('track 00', { limit: 10 });
    expect(page.results).toHaveLength(10);
    expect(page.more).toBe(false);
  });
});

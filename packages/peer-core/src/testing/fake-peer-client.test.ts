import { afterEach, describe, expect, it } from 'vitest';
import { TransferState, type PeerSnapshot } from '../peer/peer-client.js';
import { FakePeerClient } from './fake-peer-client.js';
import { sampleFile } from './sample-files.js';

const shared = sampleFile('Blue Danube Waltz.flac', 10_000_000);
let client: FakePeerClient;

afterEach(async () => {
  await client.stop();
});

function network(): FakePeerClient {
  return new FakePeerClient({
    tickMs: 0,
    speedBps: 4_000_000,
    peers: [
      { username: 'alice', files: [shared, sampleFile('notes.txt', 10)] },
      { username: 'bob', files: [{ ...shared, name: 'danube.flac' }] },
    ],
  });
}

describe('FakePeerClient', () => {
  it('groups search results by hash and counts sources', async () => {
    // Given two peers holding the same bytes under two names
    client = network();
    // When searching a word of one name
    const { results } = await client.search('DANUBE');
    // Then one result with both names and two sources comes back
    expect(results).toHaveLength(1);
    expect(results[0]?.sources).toBe(2);
    expect(results[0]?.names).toEqual([
      'Blue Danube Waltz.flac',
      'danube.flac',
    ]);
  });

  it('moves a download to done as the clock advances and notifies', () => {
    client = network();
    const seen: PeerSnapshot[] = [];
    client.subscribe((snapshot) => seen.push(snapshot));
    const id = client.download(shared);
    client.tick(1);
    expect(client.snapshot().transfers[0]).toMatchObject({
      id,
      state: TransferState.Downloading,
      bytesDone: 4_000_000,
      etaSeconds: 2,
      sources: 2,
    });
    client.tick(2);
    expect(client.snapshot().transfers[0]?.state).toBe(TransferState.Done);
    expect(seen.length).toBe(3);
  });

  it('pauses, resumes, cancels and retries', () => {
    client = network();
    const id = client.download(shared);
    client.pause(id);
    client.tick(1);
    expect(client.snapshot().transfers[0]?.bytesDone).toBe(0);
    client.resume(id);
    client.cancel(id);
    expect(client.snapshot().transfers[0]?.state).toBe(TransferState.Cancelled);
    client.retry(id);
    client.tick(1);
    expect(client.snapshot().transfers[0]?.state).toBe(
      TransferState.Downloading,
    );
  });
});

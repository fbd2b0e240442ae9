import path from 'node:path';
import { Writable } from 'node:stream';
import { ConnectionState, connectPeer, type Peer } from '@ferry/peer-core';
import { pino } from 'pino';
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
  waitForConnection,
  type TestPeer,
} from './helpers/peer-network.js';
import { TempDirs, waitFor, writeRandomFile } from './helpers/peer-temp.js';

const temp = new TempDirs();
let directory: TestDirectory;
let first: TestPeer;
let bob: TestPeer;
let second: Peer | undefined;
/** The warnings the first place logged. */
const firstWarnings: string[] = [];

beforeAll(async () => {
  directory = await startTestDirectory(await temp.make('ferry-dir-'));
  const logLines = new Writable({
    write(chunk: Buffer, _encoding, done) {
      firstWarnings.push(chunk.toString());
      done();
    },
  });
  first = await startTestPeer(temp, 'alice', directory.url, {
    logger: pino({ level: 'warn' }, logLines),
  });
  bob = await startTestPeer(temp, 'bob', directory.url);
  await writeRandomFile(path.join(first.shareDir, 'first place.txt'), 1000);
  await first.peer.rescan();
  await waitFor(async () => {
    const files = await bob.peer.browse('alice');
    return files.length === 1 ? true : undefined;
  }, "the first place's file in alice's index");
});

afterAll(async () => {
  await Promise.all([first, bob].map((p) => p?.peer.stop()));
  await second?.stop();
  await directory?.close();
  await temp.cleanup();
});

/** The port of a peer's gRPC server. */
function portOf(peer: Peer): number {
  const address = peer.snapshot().listenAddress ?? '';
  return Number(address.slice(address.lastIndexOf(':') + 1));
}

describe('one account online from two places', () => {
  it('lets the newer place win; the older one goes offline and stops', async () => {
    // Given alice online from a second place sharing another file
    const { profile, home } = await peerProfile(temp, 'alice', directory.url);
    await writeRandomFile(path.join(profile.shareDir, 'second place.txt'), 10);
    second = await connectPeer(
      { profile, password: TEST_PASSWORD },
      { home, ...FAST_TIMING },
    );
    const secondPort = portOf(second);

    // Then the first place is told it was replaced and goes offline
    await waitForConnection(
      first.peer,
      ConnectionState.Offline,
      'the first place to go offline',
    );
    expect(first.peer.snapshot().connectionError).toBe(
      'replaced: this account went online elsewhere',
    );

    // And through several of the second place's heartbeats, alice stays at
    // the second place's address with the second place's index
    // (from the first list bob fetched after the switch)
    const seen = new Set<number>();
    await waitFor(() => {
      const alice = bob.peer
        .snapshot()
        .peers.find((p) => p.username === 'alice');
      if (alice === undefined) return undefined;
      if (seen.size === 0 && alice.port !== secondPort) return undefined;
      expect(alice.port).toBe(secondPort);
      seen.add(alice.lastSeenMs);
      return seen.size >= 4 ? true : undefined;
    }, "several heartbeats of alice's second place");
    const files = await bob.peer.browse('alice');
    expect(files.map((f) => f.name)).toEqual(['second place.txt']);
    expect(first.peer.snapshot().connection).toBe(ConnectionState.Offline);
    expect(second.snapshot().connection).toBe(ConnectionState.Online);
  });

  it('sends no index changes from the replaced place', async () => {
    // Given the replaced first place sees a new file in its share
    await writeRandomFile(path.join(first.shareDir, 'after.txt'), 10);
    await first.peer.rescan();
    await waitFor(
      () => (first.peer.snapshot().share.fileCount === 2 ? true : undefined),
      'the new file in the share',
    );
    // When a later directory call of the first place has come back
    await first.peer.browse('bob');
    // Then it tried no index update (which the directory would refuse)
    expect(firstWarnings.join('')).not.toMatch(/index update failed/);
    const files = await bob.peer.browse('alice');
    expect(files.map((f) => f.name)).toEqual(['second place.txt']);
  });
});

import path from 'node:path';
import {
  ConnectionState,
  DirectoryClient,
  PeerError,
  PeerErrorCode,
  TokenStore,
  connectPeer,
} from '@ferry/peer-core';
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
let alice: TestPeer;
let bob: TestPeer;
let aliceFile: string;

beforeAll(async () => {
  directory = await startTestDirectory(await temp.make('ferry-dir-'));
  alice = await startTestPeer(temp, 'alice', directory.url);
  bob = await startTestPeer(temp, 'bob', directory.url);
  aliceFile = await writeRandomFile(
    path.join(alice.shareDir, 'recovery report.pdf'),
    10_000,
  );
  await alice.peer.rescan();
  await waitFor(async () => {
    const { results } = await bob.peer.search('recovery');
    return results.length > 0 ? true : undefined;
  }, "alice's file to be searchable");
});

afterAll(async () => {
  await Promise.all([alice, bob].map((p) => p?.peer.stop()));
  await directory?.close();
  await temp.cleanup();
});

async function aliceSources(): Promise<number> {
  const { results } = await bob.peer.search('recovery');
  return results.find((r) => r.sha256 === aliceFile)?.sources ?? 0;
}

describe('recovery', () => {
  it('recovers by itself after the directory is killed and restarted', async () => {
    // When the directory goes away
    await directory.close();
    // Then both peers notice and say so
    await waitForConnection(
      alice.peer,
      ConnectionState.Reconnecting,
      'alice to notice',
    );
    expect(alice.peer.snapshot().connectionError).toMatch(/unreachable/);
    // When it comes back on the same database
    const restartedAt = Date.now();
    await directory.restart();
    // Then both are online again and alice's file is found again
    await waitFor(async () => {
      const online = [alice, bob].every(
        ({ peer }) => peer.snapshot().connection === ConnectionState.Online,
      );
      return online && (await aliceSources()) === 1 ? true : undefined;
    }, 'peers to recover');
    console.info(
      `recovered ${Date.now() - restartedAt} ms after the restart (heartbeat ${FAST_TIMING.heartbeatMs} ms)`,
    );
  });

  it('heartbeats inside the TTL by default and stays listed', async () => {
    // Given a peer with the default heartbeat (a third of the 3 s TTL)
    const dana = await startTestPeer(temp, 'dana', directory.url, {
      heartbeatMs: undefined,
    });
    try {
      // When more than two TTLs pass
      await new Promise((resolve) => setTimeout(resolve, 7000));
      // Then the directory still lists it
      const peers = bob.peer.snapshot().peers.map((p) => p.username);
      expect(peers).toContain('dana');
      expect(dana.peer.snapshot().connection).toBe(ConnectionState.Online);
    } finally {
      await dana.peer.stop();
    }
  });

  it('logs in again by itself when its session ends', async () => {
    // Given alice's session is ended behind her back
    const tokens = new TokenStore({ home: alice.home });
    const key = { directoryUrl: directory.url, username: 'alice' };
    const token = tokens.get(key);
    expect(token).toBeDefined();
    await new DirectoryClient(directory.url).logout(token ?? '');
    // Then she logs in again with a new token and stays findable
    await waitFor(() => {
      const now = tokens.get(key);
      return now !== undefined && now !== token ? now : undefined;
    }, 'a new session');
    await waitFor(
      async () => ((await aliceSources()) === 1 ? true : undefined),
      'alice findable again',
    );
    expect(alice.peer.snapshot().connection).toBe(ConnectionState.Online);
  });

  it('vanishes from search at once when it stops (logout)', async () => {
    expect(await aliceSources()).toBe(1);
    await alice.peer.stop();
    expect(await aliceSources()).toBe(0);
    expect(alice.peer.snapshot().connection).toBe(ConnectionState.Offline);
  });
});

describe('login errors a front end shows in place', () => {
  async function codeOf(promise: Promise<unknown>): Promise<string> {
    try {
      await promise;
    } catch (error) {
      if (error instanceof PeerError) return error.code;
      throw error;
    }
    throw new Error('expected a PeerError');
  }

  it('wrong password: Unauthorized', async () => {
    const { profile, home } = await peerProfile(temp, 'bob', directory.url);
    const code = await codeOf(
      connectPeer({ profile, password: 'not the password' }, { home }),
    );
    expect(code).toBe(PeerErrorCode.Unauthorized);
  });

  it('username taken: Rejected', async () => {
    const { profile, home } = await peerProfile(temp, 'bob', directory.url);
    const code = await codeOf(
      connectPeer(
        { profile, password: TEST_PASSWORD, register: true },
        { home },
      ),
    );
    expect(code).toBe(PeerErrorCode.Rejected);
  });

  it('no directory there: DirectoryUnreachable', async () => {
    const { profile, home } = await peerProfile(
      temp,
      'erin',
      'http://127.0.0.1:9',
    );
    const code = await codeOf(
      connectPeer(
        { profile, password: TEST_PASSWORD },
        { home, directory: { retries: 0, timeoutMs: 2000 } },
      ),
    );
    expect(code).toBe(PeerErrorCode.DirectoryUnreachable);
  });
});

import { ConnectionState, connectPeer, type Peer } from '@ferry/peer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPeerCli } from './helpers/peer-cli.js';
import {
  startTestDirectory,
  type TestDirectory,
} from './helpers/peer-directory.js';
import {
  FAST_TIMING,
  TEST_PASSWORD,
  startTestPeer,
  waitForConnection,
  type TestPeer,
} from './helpers/peer-network.js';
import { TempDirs } from './helpers/peer-temp.js';

const temp = new TempDirs();
let directory: TestDirectory;
let first: TestPeer;
let second: Peer | undefined;

beforeAll(async () => {
  directory = await startTestDirectory(await temp.make('ferry-dir-'));
  first = await startTestPeer(temp, 'alice', directory.url);
});

afterAll(async () => {
  await first?.peer.stop();
  await second?.stop();
  await directory?.close();
  await temp.cleanup();
});

describe('two programs of one account sharing a config folder', () => {
  it('keeps the newer one’s saved session when the older one logs out', async () => {
    // Given a second program of alice's with the same home (the TUI beside
    // `serve`), which replaces the first one
    second = await connectPeer(
      { profile: first.profile, password: TEST_PASSWORD },
      { home: first.home, ...FAST_TIMING },
    );
    await waitForConnection(
      first.peer,
      ConnectionState.Offline,
      'the first program to be replaced',
    );

    // When the first one stops (and logs out its own session)
    await first.peer.stop();

    // Then a CLI call from that home still finds a saved session: it needs
    // no password
    const peers = await runPeerCli(['peers', '--json'], {
      FERRY_HOME: first.home,
      FERRY_DIRECTORY: directory.url,
      FERRY_USER: 'alice',
    });
    expect(peers.stderr).toBe('');
    expect(peers.status).toBe(0);
    expect(second.snapshot().connection).toBe(ConnectionState.Online);
  });
});

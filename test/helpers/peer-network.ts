import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import {
  connectPeer,
  type ConnectionState,
  type ConnectOptions,
  type Peer,
  type Profile,
} from '@ferry/peer-core';
import { waitFor, type TempDirs } from './peer-temp.js';

/** Password every test account uses. */
export const TEST_PASSWORD = 'correct horse battery';

/**
 * Short timings so recovery tests finish in seconds; a long request timeout
 * because a login (a slow password hash) can take seconds on a loaded box.
 */
export const FAST_TIMING: ConnectOptions = {
  heartbeatMs: 400,
  peersRefreshMs: 300,
  settleMs: 200,
  directory: { timeoutMs: 30_000, retries: 0 },
};

/** One peer of a test network and its folders. */
export interface TestPeer {
  peer: Peer;
  profile: Profile;
  home: string;
  shareDir: string;
  downloadDir: string;
}

/** The folders and profile of a test peer, made in a temp folder. */
export async function peerProfile(
  temp: TempDirs,
  username: string,
  directoryUrl: string,
): Promise<{ profile: Profile; home: string }> {
  const home = await temp.make(`ferry-${username}-`);
  const profile: Profile = {
    name: 'test',
    directoryUrl,
    username,
    shareDir: path.join(home, 'share'),
    downloadDir: path.join(home, 'downloads'),
    listen: '127.0.0.1:0',
  };
  await mkdir(profile.shareDir, { recursive: true });
  return { profile, home };
}

/** Registers and starts a real peer on loopback. */
export async function startTestPeer(
  temp: TempDirs,
  username: string,
  directoryUrl: string,
  options: ConnectOptions = {},
): Promise<TestPeer> {
  const { profile, home } = await peerProfile(temp, username, directoryUrl);
  const peer = await connectPeer(
    { profile, password: TEST_PASSWORD, register: true },
    { home, ...FAST_TIMING, ...options },
  );
  return {
    peer,
    profile,
    home,
    shareDir: profile.shareDir,
    downloadDir: profile.downloadDir,
  };
}

/** Restarts a stopped test peer with the same home (no registration). */
export async function restartTestPeer(
  old: TestPeer,
  options: ConnectOptions = {},
): Promise<TestPeer> {
  const peer = await connectPeer(
    { profile: old.profile, password: TEST_PASSWORD },
    { home: old.home, ...FAST_TIMING, ...options },
  );
  return { ...old, peer };
}

/** Waits until `peer` reports `state`; `what` names the wait in a timeout. */
export async function waitForConnection(
  peer: Peer,
  state: ConnectionState,
  what: string,
  timeoutMs?: number,
): Promise<void> {
  await waitFor(
    () => (peer.snapshot().connection === state ? true : undefined),
    what,
    timeoutMs,
  );
}

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDirectory, type RunningDirectory } from '@ferry/directory';
import {
  connectPeer,
  openProfileStore,
  type LoginRequest,
  type PeerClient,
  type Profile,
} from '@ferry/peer-core';
import { samplePeers, writeShare } from './sample-peers.js';

/** The demo's password for every account (they live in a temp database). */
export const DEMO_PASSWORD = 'ferry-demo-password';
/** Sample peers serve at this rate so progress bars have time to show. */
export const DEMO_UPLOAD_RATE = 4_000_000;

/** Everything the demo started, and how to stop it all. */
export interface Demo {
  root: string;
  directory: RunningDirectory;
  samplePeers: PeerClient[];
  /** The demo user's profile store and login, for the TUI. */
  store: ReturnType<typeof openProfileStore>;
  connect: (request: LoginRequest, signal?: AbortSignal) => Promise<PeerClient>;
  user: PeerClient;
  stop(): Promise<void>;
}

function profileFor(root: string, username: string, url: string): Profile {
  return {
    name: username,
    directoryUrl: url,
    username,
    shareDir: join(root, username, 'share'),
    downloadDir: join(root, username, 'downloads'),
    listen: '127.0.0.1:0',
  };
}

/**
 * Starts a directory on a temp database, two sample peers sharing
 * generated files, and logs the demo user in (its profile saved, download
 * folder in the temp area). `stop()` ends all of it and removes the folder.
 */
export async function startDemo(username = 'demo'): Promise<Demo> {
  const root = await mkdtemp(join(tmpdir(), 'ferry-demo-'));
  const directory = await startDirectory({
    dbPath: join(root, 'directory.db'),
  });
  const started: PeerClient[] = [];
  const stop = async () => {
    await Promise.allSettled(started.map((peer) => peer.stop()));
    await directory.close();
    await rm(root, { recursive: true, force: true });
  };
  try {
    const samples = await Promise.allSettled(
      samplePeers().map(async (sample) => {
        const profile = profileFor(root, sample.username, directory.url);
        await writeShare(sample, profile.shareDir);
        return connectPeer(
          { profile, password: DEMO_PASSWORD, register: true },
          {
            home: join(root, sample.username),
            uploadRateBps: DEMO_UPLOAD_RATE,
          },
        );
      }),
    );
    for (const sample of samples) {
      if (sample.status === 'fulfilled') started.push(sample.value);
    }
    const failed = samples.find((sample) => sample.status === 'rejected');
    if (failed) throw failed.reason;
    const home = join(root, username);
    const store = openProfileStore({ home });
    const profile = profileFor(root, username, directory.url);
    await writeShare(
      { username, files: { 'hello.txt': 'Hello from the demo user.\n' } },
      profile.shareDir,
    );
    store.save(profile);
    const connect = (request: LoginRequest, signal?: AbortSignal) =>
      connectPeer(request, { home, signal });
    const user = await connect({
      profile,
      password: DEMO_PASSWORD,
      register: true,
    });
    started.push(user);
    return {
      root,
      directory,
      samplePeers: started.slice(0, -1),
      store,
      connect,
      user,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

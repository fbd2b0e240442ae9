import path from 'node:path';
import type { ConnectOptions } from '@ferry/peer-core';
import { startTestDirectory, type TestDirectory } from './peer-directory.js';
import {
  restartTestPeer,
  startTestPeer,
  type TestPeer,
} from './peer-network.js';
import { waitFor, writeRandomFile, type TempDirs } from './peer-temp.js';

/** The size of each file the source shares. */
export const SHARED_FILE_SIZE = 3 * 1024 * 1024;
/** The source serves at most this fast, so a download lasts a while. */
const UPLOAD_RATE = 1_500_000;

/** A file the source shares, as `Peer.download` takes it. */
export interface SharedFile {
  sha256: string;
  name: string;
  size: number;
}

/**
 * A directory, a `source` peer sharing random files at a capped upload rate
 * and a `fetcher` peer that finds them all.
 */
export interface SlowSourceNetwork {
  directory: TestDirectory;
  source: TestPeer;
  fetcher: TestPeer;
  files: SharedFile[];
  /** The shared file at `index`, in the order of the names given. */
  file(index: number): SharedFile;
  /** Starts the stopped fetcher again from its home, as `fetcher`. */
  restartFetcher(): Promise<void>;
  /** Stops the peers (the fetcher last started) and the directory. */
  stop(): Promise<void>;
}

/**
 * Starts a slow-source network sharing files named `names` (each holding
 * "bin", the word the fetcher searches to see them all); `fetcherOptions` go
 * to the fetcher's `connectPeer`.
 */
export async function startSlowSourceNetwork(
  temp: TempDirs,
  names: readonly string[],
  fetcherOptions: ConnectOptions = {},
): Promise<SlowSourceNetwork> {
  const directory = await startTestDirectory(await temp.make('ferry-dir-'));
  const started: TestPeer[] = [];
  try {
    const source = await startTestPeer(temp, 'source', directory.url, {
      uploadRateBps: UPLOAD_RATE,
    });
    started.push(source);
    const files: SharedFile[] = [];
    for (const name of names) {
      const file = path.join(source.shareDir, name);
      const sha256 = await writeRandomFile(file, SHARED_FILE_SIZE);
      files.push({ sha256, name, size: SHARED_FILE_SIZE });
    }
    await source.peer.rescan();
    const fetcher = await startTestPeer(
      temp,
      'fetcher',
      directory.url,
      fetcherOptions,
    );
    started.push(fetcher);
    await waitFor(async () => {
      const { results } = await fetcher.peer.search('bin');
      return results.length === files.length ? true : undefined;
    }, 'every file to be searchable');
    return network(directory, source, fetcher, files, fetcherOptions);
  } catch (error) {
    // A half-started network stops what it started before failing.
    await Promise.allSettled(started.map((peer) => peer.peer.stop()));
    await directory.close();
    throw error;
  }
}

function network(
  directory: TestDirectory,
  source: TestPeer,
  fetcher: TestPeer,
  files: SharedFile[],
  fetcherOptions: ConnectOptions,
): SlowSourceNetwork {
  const running: SlowSourceNetwork = {
    directory,
    source,
    fetcher,
    files,
    file: (index) => {
      const found = files[index];
      if (found === undefined) throw new Error(`no file ${index}`);
      return found;
    },
    restartFetcher: async () => {
      running.fetcher = await restartTestPeer(running.fetcher, fetcherOptions);
    },
    stop: async () => {
      await Promise.all([source, running.fetcher].map((p) => p.peer.stop()));
      await directory.close();
    },
  };
  return running;
}

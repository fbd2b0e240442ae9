import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import {
  openLocalDb,
  openShare,
  startPeerServer,
  type LocalDb,
  type PeerServer,
  type Share,
  type SharedFileEntry,
} from '@ferry/peer-core';

import { TempDirs, writeRandomFile } from './temp-files.js';

export { TempDirs, writeRandomFile };

/** SHA-256 of a file's content, streamed. */
export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path))
    hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** A real peer: a share in a temp folder, its database, its gRPC server. */
export interface SharingPeer {
  root: string;
  db: LocalDb;
  share: Share;
  server: PeerServer;
  /** The scanned entry of `name`. */
  entry(name: string): SharedFileEntry;
  close(): Promise<void>;
}

export interface SharingPeerOptions {
  /** The folder to share (already filled). */
  root: string;
  /** Where the local database goes. */
  stateDir: string;
  /** "HOST:PORT" to listen on ("127.0.0.1:0"). */
  listen?: string;
  uploadSlots?: number;
  uploadRateBps?: number;
  keepaliveMs?: number;
  uploadStallMs?: number;
}

/** Scans `root` and serves it (on 127.0.0.1, a free port, by default). */
export async function startSharingPeer(
  options: SharingPeerOptions,
): Promise<SharingPeer> {
  const db = openLocalDb(join(options.stateDir, 'local.db'));
  const share = await openShare({ root: options.root, db });
  await share.scan();
  const server = await startPeerServer({
    share,
    username: 'alice',
    version: '0.0.0-test',
    listen: options.listen ?? '127.0.0.1:0',
    uploadSlots: options.uploadSlots,
    uploadRateBps: options.uploadRateBps,
    keepaliveMs: options.keepaliveMs,
    uploadStallMs: options.uploadStallMs,
  });
  return {
    root: options.root,
    db,
    share,
    server,
    entry(name) {
      const entry = share.files().find((file) => file.name === name);
      if (entry === undefined) throw new Error(`${name} is not shared`);
      return entry;
    },
    async close() {
      await server.close(100);
      await share.close();
      db.close();
    },
  };
}

/**
 * Writes `files` (name → size) of random bytes into a new temp folder and
 * serves it; the peer is added to `peers` for the caller to close.
 */
export async function shareRandomFiles(
  temp: TempDirs,
  peers: SharingPeer[],
  files: Record<string, number>,
  options: Omit<SharingPeerOptions, 'root' | 'stateDir'> = {},
): Promise<SharingPeer> {
  const root = await temp.make();
  for (const [name, size] of Object.entries(files)) {
    await writeRandomFile(join(root, name), size);
  }
  const peer = await startSharingPeer({
    root,
    stateDir: await temp.make(),
    ...options,
  });
  peers.push(peer);
  return peer;
}

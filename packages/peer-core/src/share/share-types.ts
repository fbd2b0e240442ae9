import type { SharedFileEntry } from '../peer/peer-client.js';
import type { CachedFile } from './hash-cache.js';
import type { UnreadableFile } from './walk-share.js';

/** Names of the events a `Share` emits. */
export enum ShareEvent {
  /** Files were added, changed or removed since the last scan. */
  Delta = 'delta',
  /** A scan met files or folders it could not read. */
  Unreadable = 'unreadable',
  /** Scanning started (`true`) or finished (`false`). */
  Scanning = 'scanning',
  /** Something went wrong in the background (watcher, rescan). */
  Warning = 'warning',
}

/** What changed in a share, as the directory's index delta wants it. */
export interface ShareDelta {
  added: SharedFileEntry[];
  changed: SharedFileEntry[];
  /** The entries as they were before they disappeared. */
  removed: SharedFileEntry[];
}

export interface ShareEvents {
  [ShareEvent.Delta]: [delta: ShareDelta];
  [ShareEvent.Unreadable]: [files: UnreadableFile[]];
  [ShareEvent.Scanning]: [scanning: boolean];
  [ShareEvent.Warning]: [error: Error];
}

/** The outcome of one scan. */
export interface ShareScanResult {
  fileCount: number;
  totalBytes: number;
  /** Files read and hashed by this scan. */
  hashedFiles: number;
  /** Files whose hashes came from the cache (no byte read). */
  cachedFiles: number;
  /** Files written to too recently; indexed by a later scan. */
  deferredFiles: number;
  unreadable: UnreadableFile[];
}

/** What the server needs to serve one shared file. */
export interface ServedFile extends CachedFile {
  /** Where the file is; re-checked against the root when opened. */
  absolutePath: string;
  /** The real path of the share root. */
  root: string;
  name: string;
}

/** The public view of a cached file. */
export function toEntry(file: CachedFile): SharedFileEntry {
  return {
    name: file.path.slice(file.path.lastIndexOf('/') + 1),
    path: file.path,
    size: file.size,
    sha256: file.sha256,
    piecesRoot: file.piecesRoot,
    mtimeMs: file.mtimeMs,
  };
}

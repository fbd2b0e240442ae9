import { EventEmitter } from 'node:events';
import { realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { getErrorMessage, PeerError, PeerErrorCode } from '../errors.js';
import type { ShareSummary, SharedFileEntry } from '../peer/peer-client.js';
import type { LocalDb } from '../store/local-db.js';
import { FileHasher } from './file-hasher.js';
import { HashCache, type CachedFile } from './hash-cache.js';
import { PIECE_SIZE } from './pieces.js';
import { diffIndexes, isEmptyDelta } from './share-diff.js';
import {
  ShareEvent,
  toEntry,
  type ServedFile,
  type ShareEvents,
  type ShareScanResult,
} from './share-types.js';
import { ShareWatcher } from './share-watcher.js';
import {
  ROOT_PATH,
  walkShare,
  type FoundFile,
  type UnreadableFile,
} from './walk-share.js';

export interface ShareOptions {
  /** The folder to share. */
  root: string;
  /** The local database (`openLocalDb`); holds the hash cache. */
  db: LocalDb;
  /** A hasher to share with others; by default the share makes its own. */
  hasher?: FileHasher;
  /** While watching, files modified less than this long ago wait. */
  settleMs?: number;
  /** Watcher events closer than this are handled by one rescan. */
  debounceMs?: number;
}

/**
 * One shared folder: its index (from the hash cache, then from scans), the
 * lookup the server uses, and an optional watcher. Emits `ShareEvent`s.
 */
export class Share extends EventEmitter<ShareEvents> {
  readonly root: string;
  readonly #cache: HashCache;
  readonly #hasher: FileHasher;
  readonly #ownsHasher: boolean;
  readonly #settleMs: number;
  readonly #debounceMs: number;
  #index: Map<string, CachedFile>;
  #bySha = new Map<string, CachedFile>();
  #scanning: Promise<ShareScanResult> | undefined;
  #watcher: ShareWatcher | undefined;
  #rescanAgain = false;
  #closed = false;

  constructor(root: string, options: ShareOptions) {
    super();
    this.root = root;
    this.#cache = new HashCache(options.db, root);
    this.#hasher = options.hasher ?? new FileHasher();
    this.#ownsHasher = options.hasher === undefined;
    this.#settleMs = options.settleMs ?? 1_000;
    this.#debounceMs = options.debounceMs ?? 300;
    this.#index = this.#cache.all();
    this.#reindex();
  }

  /** Every shared file, as last scanned (or cached). */
  files(): SharedFileEntry[] {
    return [...this.#index.values()].map(toEntry);
  }

  /** Share totals for a front end. */
  summary(): ShareSummary {
    let totalBytes = 0;
    for (const file of this.#index.values()) totalBytes += file.size;
    return {
      folder: this.root,
      fileCount: this.#index.size,
      totalBytes,
      scanning: this.#scanning !== undefined,
    };
  }

  /** The file with this content hash, or undefined. */
  lookup(sha256: string): ServedFile | undefined {
    const file = this.#bySha.get(sha256);
    if (file === undefined) return undefined;
    return {
      ...file,
      root: this.root,
      absolutePath: join(this.root, ...file.path.split('/')),
      name: toEntry(file).name,
    };
  }

  /**
   * Walks the folder, hashes new and changed files on the worker thread,
   * keeps cached hashes for unchanged ones, and emits a delta. Concurrent
   * calls share one scan.
   */
  scan(): Promise<ShareScanResult> {
    if (this.#scanning === undefined) {
      this.emit(ShareEvent.Scanning, true);
      this.#scanning = this.#scan().finally(() => {
        this.#scanning = undefined;
        this.emit(ShareEvent.Scanning, false);
        if (this.#rescanAgain) this.#backgroundScan();
      });
    }
    return this.#scanning;
  }

  /**
   * Watches the folder: any change triggers a debounced rescan whose delta
   * is emitted as `ShareEvent.Delta`. Resolves once the watcher is ready.
   */
  async watch(): Promise<void> {
    if (this.#watcher !== undefined) return;
    this.#watcher = new ShareWatcher(this.root, this.#debounceMs, {
      rescan: () => this.#backgroundScan(),
      warn: (error) => this.emit(ShareEvent.Warning, error),
    });
    await this.#watcher.start();
  }

  /**
   * Stops watching, stops a running scan after the file it is hashing
   * (what it found is not committed), and frees the hasher.
   */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#watcher?.close();
    this.#watcher = undefined;
    await this.#scanning?.catch(() => undefined);
    if (this.#ownsHasher) await this.#hasher.close();
  }

  #backgroundScan(): void {
    if (this.#closed) return;
    this.#rescanAgain = this.#scanning !== undefined;
    if (this.#rescanAgain) return;
    this.scan().catch((error: unknown) => {
      this.emit(ShareEvent.Warning, toError(error));
    });
  }

  async #scan(): Promise<ShareScanResult> {
    const walked = await walkShare(this.root);
    if (walked.unreadable.some((file) => file.path === ROOT_PATH)) {
      this.#watcher?.rootUnavailable();
    }
    const result: ShareScanResult = {
      fileCount: 0,
      totalBytes: 0,
      hashedFiles: 0,
      cachedFiles: 0,
      deferredFiles: 0,
      unreadable: walked.unreadable,
    };
    const next = new Map<string, CachedFile>();
    for (const found of walked.files) {
      if (this.#closed) return result;
      const file = await this.#resolve(found, result);
      if (file !== undefined) next.set(found.path, file);
    }
    this.#commit(next, result.unreadable);
    for (const file of next.values()) {
      result.fileCount += 1;
      result.totalBytes += file.size;
    }
    if (result.deferredFiles > 0) this.#watcher?.schedule(this.#settleMs);
    return result;
  }

  async #resolve(
    found: FoundFile,
    result: ShareScanResult,
  ): Promise<CachedFile | undefined> {
    const cached = this.#index.get(found.path);
    if (cached?.size === found.size && cached.mtimeMs === found.mtimeMs) {
      result.cachedFiles += 1;
      return cached;
    }
    if (this.#watcher && Date.now() - found.mtimeMs < this.#settleMs) {
      result.deferredFiles += 1;
      return cached;
    }
    try {
      const hashed = await this.#hasher.hash(found.absolutePath, PIECE_SIZE);
      result.hashedFiles += 1;
      return { ...hashed, path: found.path };
    } catch (error) {
      result.unreadable.push({
        path: found.path,
        reason: getErrorMessage(error),
      });
      return undefined;
    }
  }

  #commit(next: Map<string, CachedFile>, unreadable: UnreadableFile[]): void {
    const delta = diffIndexes(this.#index, next);
    for (const entry of [...delta.added, ...delta.changed]) {
      const file = next.get(entry.path);
      if (file !== undefined) this.#cache.put(file);
    }
    this.#cache.remove(delta.removed.map((entry) => entry.path));
    this.#index = next;
    this.#reindex();
    if (!isEmptyDelta(delta)) this.emit(ShareEvent.Delta, delta);
    // While watched, the root itself is reported by the watcher, once
    const reported = this.#watcher
      ? unreadable.filter((file) => file.path !== ROOT_PATH)
      : unreadable;
    if (reported.length > 0) this.emit(ShareEvent.Unreadable, reported);
  }

  #reindex(): void {
    this.#bySha = new Map();
    for (const file of this.#index.values()) {
      if (!this.#bySha.has(file.sha256)) this.#bySha.set(file.sha256, file);
    }
  }
}

/**
 * Opens a share rooted at `options.root` (which must be a folder). Its
 * index starts from the hash cache; call `scan()` to bring it up to date.
 */
export async function openShare(options: ShareOptions): Promise<Share> {
  let root: string;
  try {
    root = await realpath(options.root);
    if (!(await stat(root)).isDirectory()) {
      throw new Error('not a folder');
    }
  } catch (error) {
    throw new PeerError(
      PeerErrorCode.InvalidInput,
      `cannot share ${options.root}: ${getErrorMessage(error)}`,
      { cause: error },
    );
  }
  return new Share(root, options);
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

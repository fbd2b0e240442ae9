import type { FileEntry } from '@ferry/directory/api';
import type { ShareDelta } from '../share/share-types.js';
import type { SharedFileEntry } from './peer-client.js';
import type { DirectorySession } from './directory-session.js';

/**
 * Entries per index request (the directory takes up to 200,000): a share
 * of any size is sent in requests of a few MB each, and the directory
 * serves other requests between them.
 */
export const INDEX_BATCH = 10_000;

/** What the index sync reads from a share. */
export interface IndexSource {
  files(): SharedFileEntry[];
}

/**
 * Keeps the directory's copy of our index in step with the share: the
 * whole index first (and again after any failure or a new login), then
 * deltas. Calls run one at a time, in order; each sends at most
 * `batchSize` entries (the whole index: a replacing upload, then
 * additions).
 */
export class IndexSync {
  #needsFull = true;
  /** The session's login count when the whole index was last sent. */
  #sentInLogin = -1;
  #chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly session: DirectorySession,
    private readonly share: IndexSource,
    private readonly batchSize = INDEX_BATCH,
  ) {}

  /** Sends the whole index now if the directory may have lost it. */
  syncFull(): Promise<void> {
    return this.#enqueue(async () => {
      if (this.#upToDate()) return;
      await this.#sendFull();
    });
  }

  /** Forgets that the directory is up to date (e.g. after it was down). */
  invalidate(): void {
    this.#needsFull = true;
  }

  /**
   * Sends one delta; while the directory may lack earlier changes (before
   * the first upload, after a failure or a new login) the whole index
   * instead. On failure, the next sync sends the whole index.
   */
  sendDelta(delta: ShareDelta): Promise<void> {
    return this.#enqueue(async () => {
      if (!this.#upToDate()) {
        await this.#sendFull();
        return;
      }
      const add = batches(
        [...delta.added, ...delta.changed].map(toFileEntry),
        this.batchSize,
      );
      const remove = batches(
        delta.removed.map((entry) => entry.path),
        this.batchSize,
      );
      for (let i = 0; i < Math.max(add.length, remove.length); i++) {
        await this.#patch(add[i] ?? [], remove[i] ?? []);
      }
    });
  }

  #upToDate(): boolean {
    return !this.#needsFull && this.#sentInLogin === this.session.logins;
  }

  async #sendFull(): Promise<void> {
    const [first = [], ...rest] = batches(
      this.share.files().map(toFileEntry),
      this.batchSize,
    );
    await this.session.call((token) =>
      this.session.client.putFiles(token, first),
    );
    for (const batch of rest) await this.#patch(batch, []);
    this.#needsFull = false;
    this.#sentInLogin = this.session.logins;
  }

  async #patch(add: FileEntry[], remove: string[]): Promise<void> {
    await this.session.call((token) =>
      this.session.client.patchFiles(token, add, remove),
    );
  }

  #enqueue(step: () => Promise<void>): Promise<void> {
    const run = this.#chain.then(step).catch((error: unknown) => {
      this.#needsFull = true;
      throw error;
    });
    this.#chain = run.catch(() => undefined);
    return run;
  }
}

function toFileEntry(entry: SharedFileEntry): FileEntry {
  return {
    name: entry.name,
    path: entry.path,
    size: entry.size,
    sha256: entry.sha256,
    piecesRoot: entry.piecesRoot,
    mtimeMs: Math.max(0, Math.floor(entry.mtimeMs)),
  };
}

/** `items` cut into runs of at most `size`. */
function batches<T>(items: readonly T[], size: number): T[][] {
  const runs: T[][] = [];
  for (let at = 0; at < items.length; at += size) {
    runs.push(items.slice(at, at + size));
  }
  return runs;
}

import type { FileEntry } from '@ferry/directory/api';
import type { ShareDelta } from '../share/share-types.js';
import type { SharedFileEntry } from './peer-client.js';
import type { DirectorySession } from './directory-session.js';

/** What the index sync reads from a share. */
export interface IndexSource {
  files(): SharedFileEntry[];
}

/**
 * Keeps the directory's copy of our index in step with the share: the
 * whole index first (and again after any failure or a new login), then
 * deltas. Calls run one at a time, in order.
 */
export class IndexSync {
  #needsFull = true;
  /** The session's login count when the whole index was last sent. */
  #sentInLogin = -1;
  #chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly session: DirectorySession,
    private readonly share: IndexSource,
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
      const add = [...delta.added, ...delta.changed].map(toFileEntry);
      const remove = delta.removed.map((entry) => entry.path);
      await this.session.call((token) =>
        this.session.client.patchFiles(token, add, remove),
      );
    });
  }

  #upToDate(): boolean {
    return !this.#needsFull && this.#sentInLogin === this.session.logins;
  }

  async #sendFull(): Promise<void> {
    const files = this.share.files().map(toFileEntry);
    await this.session.call((token) =>
      this.session.client.putFiles(token, files),
    );
    this.#needsFull = false;
    this.#sentInLogin = this.session.logins;
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

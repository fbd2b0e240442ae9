import type { FileManifest } from '../grpc/peer-types.js';
import { savePartRecord } from './part-record.js';
import type { PieceWriter } from './piece-writer.js';

/**
 * Keeps a download's `.part.ferry` record up to date: each save first
 * flushes the `.part` file, so the record never claims a piece whose bytes
 * are not on disk. A save that fails is retried by the next one.
 */
export class PartRecorder {
  readonly #writer: PieceWriter;
  readonly #recordPath: string;
  readonly #manifest: FileManifest;
  #recorded = -1;
  #running: Promise<void> | undefined;

  readonly #onSaved: (verified: number[]) => void;

  constructor(
    writer: PieceWriter,
    recordPath: string,
    manifest: FileManifest,
    onSaved: (verified: number[]) => void,
  ) {
    this.#onSaved = onSaved;
    this.#writer = writer;
    this.#recordPath = recordPath;
    this.#manifest = manifest;
  }

  /** Saves `verified` unless a save is already running (periodic calls). */
  tick(verified: () => number[]): void {
    if (this.#running === undefined) void this.#save(verified());
  }

  /** Waits for a running save, then records the latest state. */
  async flush(verified: () => number[]): Promise<void> {
    await this.#running;
    await this.#save(verified());
  }

  #save(verified: number[]): Promise<void> {
    if (verified.length === this.#recorded) return Promise.resolve();
    this.#running = this.#writer
      .sync()
      .then(() =>
        savePartRecord(this.#recordPath, { ...this.#manifest, verified }),
      )
      .then(() => {
        this.#recorded = verified.length;
        this.#onSaved(verified);
      })
      .catch(() => undefined)
      .finally(() => {
        this.#running = undefined;
      });
    return this.#running;
  }
}

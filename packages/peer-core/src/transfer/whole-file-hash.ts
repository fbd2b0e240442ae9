import { createHash } from 'node:crypto';
import { pieceCount, pieceLength } from '../share/pieces.js';
import type { DirectIoFile } from './direct-io-file.js';
import { alignedMemory } from './page-aligned-memory.js';

/** Pieces read back at once while catching up (memory: one piece each). */
const READS_AHEAD = 4;

/** Where the pieces are: the open `.part` file and its layout. */
export interface WholeFileLayout {
  file: DirectIoFile;
  size: number;
  pieceSize: number;
}

/**
 * The whole-file SHA-256 of a download whose pieces are written in any
 * order. A piece that comes in order is hashed as it is written; one that
 * came early is read back from the file when its turn comes. Reading back
 * runs in the background (libuv's thread pool reads, up to four pieces
 * ahead; this thread only hashes), so catching up on a long run that
 * another source finished early never holds up the pieces still arriving.
 * (Done in one go, with four sources, catching up blocked the writer
 * thread for up to 140 ms at a time, and every receiver waited for a slot
 * meanwhile.)
 */
export class WholeFileHash {
  readonly #hash = createHash('sha256');
  readonly #layout: WholeFileLayout;
  readonly #count: number;
  /** Pieces on disk that the hash has not reached yet. */
  readonly #early: Set<number>;
  #next = 0;
  #catchingUp: Promise<void> | undefined;
  #failure: Error | undefined;
  #scratch: Buffer | undefined;

  /** `written`: pieces already on disk (a resumed download). */
  constructor(layout: WholeFileLayout, written: Iterable<number>) {
    this.#layout = layout;
    this.#count = pieceCount(layout.size, layout.pieceSize);
    this.#early = new Set(written);
    this.#startCatchingUp();
  }

  /**
   * Piece `index`, whose bytes are `data`, is on disk. Throws if reading
   * an earlier piece back failed.
   */
  add(index: number, data: Uint8Array): void {
    if (this.#failure !== undefined) throw this.#failure;
    if (index === this.#next && this.#catchingUp === undefined) {
      this.#hash.update(data);
      this.#next += 1;
    } else {
      this.#early.add(index);
    }
    this.#startCatchingUp();
  }

  /** The hex digest, once every piece is in; throws if one never came. */
  async digest(): Promise<string> {
    await this.#caughtUp();
    if (this.#failure !== undefined) throw this.#failure;
    if (this.#next < this.#count) {
      throw new Error(`piece ${this.#next} was never written`);
    }
    return this.#hash.digest('hex');
  }

  /**
   * Stops catching up, once the reads under way are done (the file may be
   * closed then).
   */
  async close(): Promise<void> {
    this.#early.clear();
    await this.#caughtUp();
  }

  async #caughtUp(): Promise<void> {
    while (this.#catchingUp !== undefined) await this.#catchingUp;
  }

  #startCatchingUp(): void {
    if (this.#catchingUp !== undefined || !this.#early.has(this.#next)) return;
    this.#catchingUp = this.#catchUp()
      .catch((error: unknown) => {
        this.#failure =
          error instanceof Error ? error : new Error(String(error));
      })
      .finally(() => {
        this.#catchingUp = undefined;
        if (this.#failure === undefined) this.#startCatchingUp();
      });
  }

  /**
   * Hashes the early pieces from `#next` on, with up to `READS_AHEAD`
   * reads under way (the disk reads the next pieces while this thread
   * hashes one).
   */
  async #catchUp(): Promise<void> {
    const { file, size, pieceSize } = this.#layout;
    this.#scratch ??= alignedMemory(READS_AHEAD * pieceSize);
    const scratch = this.#scratch;
    const reads: { piece: Buffer; read: Promise<void> }[] = [];
    try {
      for (;;) {
        for (
          let index = this.#next + reads.length;
          reads.length < READS_AHEAD && this.#early.delete(index);
          index += 1
        ) {
          const at = (index % READS_AHEAD) * pieceSize;
          const piece = scratch.subarray(
            at,
            at + pieceLength(index, size, pieceSize),
          );
          reads.push({
            piece,
            read: file.read(piece, index * pieceSize),
          });
        }
        const oldest = reads.shift();
        if (oldest === undefined) return;
        await oldest.read;
        this.#hash.update(oldest.piece);
        this.#next += 1;
      }
    } finally {
      await Promise.allSettled(reads.map(({ read }) => read));
    }
  }
}

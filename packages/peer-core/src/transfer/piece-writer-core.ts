import { createHash, type Hash } from 'node:crypto';
import { pieceCount, pieceLength } from '../share/pieces.js';
import { DirectIoFile } from './direct-io-file.js';
import { alignedMemory } from './page-aligned-memory.js';
import type { PieceWriterInit } from './piece-writer-protocol.js';

/**
 * The piece writer's work, done on its worker thread: verify a piece
 * against its hash, write it into the `.part` file, and feed the whole-file
 * SHA-256 in order (pieces that arrived early are read back from the file
 * when their turn comes, so nothing waits in memory).
 */
export class PieceWriterCore {
  readonly #file: DirectIoFile;
  readonly #init: PieceWriterInit;
  readonly #count: number;
  readonly #written: Set<number>;
  readonly #whole: Hash = createHash('sha256');
  #scratch: Buffer | undefined;
  #cursor = 0;

  constructor(init: PieceWriterInit) {
    this.#init = init;
    this.#file = new DirectIoFile(init.partPath, { direct: init.directIo });
    this.#count = pieceCount(init.size, init.pieceSize);
    this.#written = new Set(init.verified);
    this.#catchUp();
  }

  /** Verifies and writes a piece; false when its hash is wrong. */
  writePiece(index: number, data: Uint8Array): boolean {
    const length = pieceLength(index, this.#init.size, this.#init.pieceSize);
    if (data.length !== length) return false;
    const digest = createHash('sha256').update(data).digest();
    const expected = this.#init.pieceHashes.subarray(
      index * 32,
      index * 32 + 32,
    );
    if (expected.length !== 32 || !digest.equals(expected)) return false;
    this.#file.write(data, index * this.#init.pieceSize);
    if (index === this.#cursor) {
      this.#whole.update(data);
      this.#cursor += 1;
      this.#catchUp();
    } else {
      this.#written.add(index);
    }
    return true;
  }

  /** The whole-file SHA-256 once every piece is written. */
  finish(): string {
    this.#catchUp();
    if (this.#cursor < this.#count) {
      throw new Error(`piece ${this.#cursor} was never written`);
    }
    this.#file.sync();
    return this.#whole.digest('hex');
  }

  close(): void {
    this.#file.close();
  }

  #catchUp(): void {
    while (this.#written.delete(this.#cursor)) {
      const { size, pieceSize } = this.#init;
      const length = pieceLength(this.#cursor, size, pieceSize);
      this.#scratch ??= alignedMemory(pieceSize);
      const piece = this.#scratch.subarray(0, length);
      this.#file.read(piece, this.#cursor * pieceSize);
      this.#whole.update(piece);
      this.#cursor += 1;
    }
  }
}

import { createHash } from 'node:crypto';
import { pieceLength } from '../share/pieces.js';
import { DirectIoFile } from './direct-io-file.js';
import type { PieceWriterInit } from './piece-writer-protocol.js';
import { WholeFileHash } from './whole-file-hash.js';

/**
 * The piece writer's work, done on its worker thread: verify a piece
 * against its hash, write it into the `.part` file, and feed the
 * whole-file SHA-256 (`WholeFileHash`, which reads pieces that arrived
 * early back from the file when their turn comes, so nothing waits in
 * memory).
 *
 * Writes run on libuv's thread pool, so this thread verifies the next
 * piece while the disk takes the last one (written in turn, a 1 MiB
 * `O_DIRECT` write held the thread ~1 ms, as long as hashing the piece
 * twice). Pieces reach the whole-file hash in the order they came, each
 * once it is on disk.
 */
export class PieceWriterCore {
  readonly #file: DirectIoFile;
  readonly #init: PieceWriterInit;
  readonly #whole: WholeFileHash;
  /** The last piece's turn: written, then added to the whole-file hash. */
  #lastTurn: Promise<void> = Promise.resolve();

  constructor(init: PieceWriterInit) {
    this.#init = init;
    this.#file = new DirectIoFile(init.partPath, { direct: init.directIo });
    this.#whole = new WholeFileHash(
      { file: this.#file, size: init.size, pieceSize: init.pieceSize },
      init.verified,
    );
  }

  /**
   * Verifies and writes a piece; false when its hash is wrong. Rejects
   * when the disk fails.
   */
  async writePiece(index: number, data: Uint8Array): Promise<boolean> {
    const length = pieceLength(index, this.#init.size, this.#init.pieceSize);
    if (data.length !== length) return false;
    const digest = createHash('sha256').update(data).digest();
    const expected = this.#init.pieceHashes.subarray(
      index * 32,
      index * 32 + 32,
    );
    if (expected.length !== 32 || !digest.equals(expected)) return false;
    const written = this.#file.write(data, index * this.#init.pieceSize);
    const turn = Promise.allSettled([written, this.#lastTurn]).then(
      async () => {
        await written;
        this.#whole.add(index, data);
      },
    );
    this.#lastTurn = turn.catch(() => undefined);
    await turn;
    return true;
  }

  /** The whole-file SHA-256 once every piece is written and on disk. */
  async finish(): Promise<string> {
    await this.#lastTurn;
    const sha256 = await this.#whole.digest();
    this.#file.sync();
    return sha256;
  }

  /** Closes the file once the writes under way are done. */
  async close(): Promise<void> {
    await this.#lastTurn;
    await this.#whole.close();
    this.#file.close();
  }
}

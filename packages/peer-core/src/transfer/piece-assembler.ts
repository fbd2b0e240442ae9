import { PeerError, PeerErrorCode } from '../errors.js';
import type { FileChunk } from '../grpc/peer-types.js';
import { pieceLength } from '../share/pieces.js';

/** A whole piece, ready to verify. */
export interface AssembledPiece {
  index: number;
  data: Uint8Array;
}

/**
 * Turns the chunks of one `Download` stream into whole pieces. A chunk
 * that is exactly one piece is passed on without copying; anything else is
 * copied into place. Chunks out of order, empty, or past the requested
 * range are a protocol violation (`INTEGRITY_ERROR`).
 */
export class PieceAssembler {
  readonly #size: number;
  readonly #pieceSize: number;
  readonly #end: number;
  #position: number;
  #partial: Uint8Array | undefined;
  #filled = 0;

  constructor(size: number, pieceSize: number, start: number, end: number) {
    this.#size = size;
    this.#pieceSize = pieceSize;
    this.#position = start;
    this.#end = end;
  }

  get complete(): boolean {
    return this.#position === this.#end;
  }

  *push(chunk: FileChunk): Generator<AssembledPiece> {
    const { data } = chunk;
    if (
      chunk.offset !== this.#position ||
      data.length === 0 ||
      this.#position + data.length > this.#end
    ) {
      throw new PeerError(
        PeerErrorCode.IntegrityError,
        'sent a chunk out of order or out of range',
      );
    }
    for (let used = 0; used < data.length;) {
      const index = Math.floor(this.#position / this.#pieceSize);
      const length = pieceLength(index, this.#size, this.#pieceSize);
      if (this.#filled === 0 && used === 0 && data.length === length) {
        this.#position += length;
        yield { index, data };
        return;
      }
      this.#partial ??= new Uint8Array(length);
      const take = Math.min(length - this.#filled, data.length - used);
      this.#partial.set(data.subarray(used, used + take), this.#filled);
      this.#filled += take;
      this.#position += take;
      used += take;
      if (this.#filled === length) {
        const piece = this.#partial;
        this.#partial = undefined;
        this.#filled = 0;
        yield { index, data: piece };
      }
    }
  }
}

import { PeerError, PeerErrorCode } from '../errors.js';
import type { FileChunk } from '../grpc/peer-types.js';
import { pieceLength } from '../share/pieces.js';

/** The part of one piece that a chunk carries. */
export interface PiecePart {
  index: number;
  /** The whole piece's length. */
  pieceLength: number;
  /** Where `data` goes in the piece. */
  at: number;
  data: Uint8Array;
}

/**
 * Splits the chunks of one `Download` stream into the parts of the pieces
 * they carry (views, not copies), so the receiver can copy each part
 * straight into the piece's place in the writer's memory. Chunks out of
 * order, empty, or past the requested range are a protocol violation
 * (`INTEGRITY_ERROR`).
 */
export class ChunkSplitter {
  readonly #size: number;
  readonly #pieceSize: number;
  readonly #end: number;
  #position: number;

  constructor(size: number, pieceSize: number, start: number, end: number) {
    this.#size = size;
    this.#pieceSize = pieceSize;
    this.#position = start;
    this.#end = end;
  }

  get complete(): boolean {
    return this.#position === this.#end;
  }

  *push(chunk: FileChunk): Generator<PiecePart> {
    if (
      chunk.offset !== this.#position ||
      chunk.length === 0 ||
      this.#position + chunk.length > this.#end
    ) {
      throw new PeerError(
        PeerErrorCode.IntegrityError,
        'sent a chunk out of order or out of range',
      );
    }
    for (const part of chunk.parts) yield* this.#split(part);
  }

  /** The piece parts of `data`, the bytes at the current position. */
  *#split(data: Uint8Array): Generator<PiecePart> {
    for (let used = 0; used < data.length;) {
      const index = Math.floor(this.#position / this.#pieceSize);
      const length = pieceLength(index, this.#size, this.#pieceSize);
      const at = this.#position - index * this.#pieceSize;
      const take = Math.min(length - at, data.length - used);
      this.#position += take;
      yield {
        index,
        pieceLength: length,
        at,
        data: data.subarray(used, used + take),
      };
      used += take;
    }
  }
}

/** What the piece-writer worker is given, in its first request. */
export interface PieceWriterInit {
  partPath: string;
  size: number;
  pieceSize: number;
  /** Pieces already verified and on disk (a resumed download). */
  verified: number[];
  /** The manifest's piece hashes, 32 bytes each, one after another. */
  pieceHashes: Uint8Array;
  /**
   * Memory shared with the receiving thread: slots of `pieceSize` bytes
   * that it copies pieces into before asking for them to be written.
   */
  slots: SharedArrayBuffer;
  /** Write whole pieces around the page cache (`TransferTuning.directIo`). */
  directIo: boolean;
}

/** Requests to the piece-writer worker; each is answered by `id`. */
export type PieceWriterRequest =
  | { type: 'init'; id: number; init: PieceWriterInit }
  | {
      type: 'piece';
      id: number;
      index: number;
      /** Which slot of `PieceWriterInit.slots` holds the piece. */
      slot: number;
      length: number;
    }
  | { type: 'finish'; id: number }
  | { type: 'close'; id: number };

/** Answers of the piece-writer worker. */
export type PieceWriterReply =
  | { id: number; ok: true; sha256?: string }
  | { id: number; ok: false; error: string; corrupt?: boolean };

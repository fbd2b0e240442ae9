/** What `GetInfo` tells about a peer. */
export interface PeerInfo {
  username: string;
  version: string;
  fileCount: number;
  totalBytes: number;
  uploadSlots: number;
  uploadsActive: number;
}

/** The manifest of one file: enough to verify every piece. */
export interface FileManifest {
  sha256: string;
  size: number;
  pieceSize: number;
  /** One 32-byte SHA-256 per piece, in order. */
  pieceHashes: Buffer[];
  piecesRoot: string;
}

/**
 * One chunk of a `Download` stream: `length` bytes from `offset` of the
 * file, in `parts` (views of the HTTP/2 frames they came in, in order).
 */
export interface FileChunk {
  offset: number;
  length: number;
  parts: readonly Uint8Array[];
}

import { createHash } from 'node:crypto';

/** Size of every piece but the last, in bytes. */
export const PIECE_SIZE = 1024 * 1024;

/** Length of one raw SHA-256 digest, in bytes. */
export const DIGEST_BYTES = 32;

/** What one read of a file yields: its identity and its manifest. */
export interface FileHashes {
  /** SHA-256 of the whole content, lowercase hex. */
  sha256: string;
  /** SHA-256 of the concatenated piece hashes, lowercase hex. */
  piecesRoot: string;
  pieceSize: number;
  /** The piece hashes, 32 raw bytes each, concatenated in order. */
  pieceHashes: Buffer;
}

/** Number of pieces of a file of `size` bytes (0 for an empty file). */
export function pieceCount(size: number, pieceSize: number): number {
  return Math.ceil(size / pieceSize);
}

/** Length in bytes of piece `index` of a file of `size` bytes. */
export function pieceLength(
  index: number,
  size: number,
  pieceSize: number,
): number {
  return Math.min(pieceSize, size - index * pieceSize);
}

/** `piecesRoot` of a manifest: SHA-256 of the concatenated piece hashes. */
export function piecesRootOf(pieceHashes: Buffer): string {
  return createHash('sha256').update(pieceHashes).digest('hex');
}

/** Splits concatenated piece hashes into one 32-byte buffer each. */
export function splitPieceHashes(pieceHashes: Buffer): Buffer[] {
  const pieces: Buffer[] = [];
  for (let at = 0; at < pieceHashes.length; at += DIGEST_BYTES) {
    pieces.push(pieceHashes.subarray(at, at + DIGEST_BYTES));
  }
  return pieces;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** True for a SHA-256 written as 64 lowercase hex characters. */
export function isSha256Hex(value: unknown): value is string {
  return typeof value === 'string' && SHA256_HEX.test(value);
}

import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { PeerError, PeerErrorCode } from '../errors.js';

/** A request to the hashing worker. */
export interface HashFileTask {
  path: string;
  pieceSize: number;
}

/** The worker's answer: the file as it was read, and its hashes. */
export interface HashFileResult {
  size: number;
  mtimeMs: number;
  sha256: string;
  /** Piece hashes, 32 raw bytes each, concatenated. */
  pieceHashes: Uint8Array;
}

/**
 * Reads a file once with one reused buffer and computes the whole-file
 * SHA-256 and the SHA-256 of every piece. Throws when the file changed while
 * it was read (still being written), so it is never indexed half-written.
 * Runs inside the hashing worker (`hash-worker.ts`).
 */
export function hashFile(task: HashFileTask): HashFileResult {
  const fd = openSync(task.path, 'r');
  try {
    const before = fstatSync(fd);
    const whole = createHash('sha256');
    const pieces: Buffer[] = [];
    const buffer = Buffer.allocUnsafe(task.pieceSize);
    let total = 0;
    for (;;) {
      const length = readFull(fd, buffer, total);
      if (length === 0) break;
      const piece = buffer.subarray(0, length);
      whole.update(piece);
      pieces.push(createHash('sha256').update(piece).digest());
      total += length;
      if (length < buffer.length) break;
    }
    const after = fstatSync(fd);
    if (after.size !== total || after.mtimeMs !== before.mtimeMs) {
      throw new PeerError(
        PeerErrorCode.Io,
        `${task.path} changed while it was hashed`,
      );
    }
    return {
      size: total,
      mtimeMs: before.mtimeMs,
      sha256: whole.digest('hex'),
      pieceHashes: Buffer.concat(pieces),
    };
  } finally {
    closeSync(fd);
  }
}

function readFull(fd: number, buffer: Buffer, position: number): number {
  let filled = 0;
  while (filled < buffer.length) {
    const read = readSync(
      fd,
      buffer,
      filled,
      buffer.length - filled,
      position + filled,
    );
    if (read === 0) break;
    filled += read;
  }
  return filled;
}

import { PeerError, PeerErrorCode } from '../errors.js';
import type { GetInfoResponse__Output } from '../generated/ferry/v1/GetInfoResponse.js';
import type { Manifest__Output } from '../generated/ferry/v1/Manifest.js';
import type { SharedFile__Output } from '../generated/ferry/v1/SharedFile.js';
import type { SharedFileEntry } from '../peer/peer-client.js';
import {
  DIGEST_BYTES,
  isSha256Hex,
  pieceCount,
  piecesRootOf,
} from '../share/pieces.js';
import type { FileManifest, PeerInfo } from './peer-types.js';

/** Largest piece size a downloader accepts from a manifest. */
export const MAX_PIECE_SIZE = 16 * 1024 * 1024;

export function fromGrpcInfo(info: GetInfoResponse__Output): PeerInfo {
  return {
    username: info.username,
    version: info.version,
    fileCount: Number(info.file_count),
    totalBytes: Number(info.total_bytes),
    uploadSlots: info.upload_slots,
    uploadsActive: info.uploads_active,
  };
}

/** A browsed entry, or undefined when a field is malformed. */
export function fromGrpcEntry(value: unknown): SharedFileEntry | undefined {
  const entry = value as SharedFile__Output;
  const size = Number(entry.size);
  if (
    !isSha256Hex(entry.sha256) ||
    !isSha256Hex(entry.pieces_root) ||
    !Number.isSafeInteger(size) ||
    size < 0
  ) {
    return undefined;
  }
  return {
    name: entry.name,
    path: entry.path,
    size,
    sha256: entry.sha256,
    piecesRoot: entry.pieces_root,
    mtimeMs: entry.mtime_ms,
  };
}

/**
 * Checks a manifest against itself and the hash asked for: the right
 * file, a sane piece size, one 32-byte hash per piece, and a pieces root
 * that matches the hashes. Throws `PeerError(INTEGRITY_ERROR)` otherwise.
 */
export function fromGrpcManifest(
  manifest: Manifest__Output,
  sha256: string,
): FileManifest {
  const size = Number(manifest.size);
  const pieceSize = manifest.piece_size;
  const hashes = manifest.piece_hashes;
  const problem = manifestProblem(manifest, sha256, size);
  if (problem !== undefined) {
    throw new PeerError(
      PeerErrorCode.IntegrityError,
      `bad manifest for ${sha256}: ${problem}`,
    );
  }
  return {
    sha256,
    size,
    pieceSize,
    pieceHashes: hashes,
    piecesRoot: manifest.pieces_root,
  };
}

function manifestProblem(
  manifest: Manifest__Output,
  sha256: string,
  size: number,
): string | undefined {
  const { piece_size: pieceSize, piece_hashes: hashes } = manifest;
  if (manifest.sha256 !== sha256) return 'it describes another file';
  if (!Number.isSafeInteger(size) || size < 0) return 'its size is invalid';
  if (pieceSize < 1 || pieceSize > MAX_PIECE_SIZE) {
    return 'its piece size is invalid';
  }
  if (
    hashes.length !== pieceCount(size, pieceSize) ||
    hashes.some((hash) => hash.length !== DIGEST_BYTES)
  ) {
    return 'its piece hashes do not match its size';
  }
  if (piecesRootOf(Buffer.concat(hashes)) !== manifest.pieces_root) {
    return 'its pieces root does not match its piece hashes';
  }
  return undefined;
}

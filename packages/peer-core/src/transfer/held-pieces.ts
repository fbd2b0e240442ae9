import { stat } from 'node:fs/promises';
import type { FileManifest } from '../grpc/peer-types.js';
import { isNodeError } from '../errors.js';
import { pieceLength } from '../share/pieces.js';

/**
 * The pieces of `verified` (from a `.part`'s record) that the `.part` at
 * `partPath` can still hold: those ending within its size. A `.part` cut
 * short since (truncated, a copy interrupted) loses the pieces past its
 * end, which are then fetched again instead of failing the whole-file
 * check at the end. Their bytes are not hashed again: that would read the
 * whole `.part` before a resumed download starts.
 */
export async function piecesHeld(
  partPath: string,
  verified: readonly number[],
  manifest: FileManifest,
): Promise<number[]> {
  if (verified.length === 0) return [];
  const size = await sizeOf(partPath);
  return verified.filter(
    (index) =>
      index * manifest.pieceSize +
        pieceLength(index, manifest.size, manifest.pieceSize) <=
      size,
  );
}

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    if (isNodeError(error, 'ENOENT')) return 0;
    throw error;
  }
}

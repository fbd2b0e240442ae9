import { PeerError, PeerErrorCode } from '../errors.js';
import type { FileManifest } from '../grpc/peer-types.js';

/** What the caller already knows of the file, from the directory. */
export interface ExpectedFile {
  size?: number | undefined;
  piecesRoot?: string | undefined;
}

/**
 * A source's manifest, if it agrees with what the directory announced;
 * else `INTEGRITY_ERROR` (the source is dropped).
 */
export function checkManifest(
  manifest: FileManifest,
  { size, piecesRoot }: ExpectedFile,
): FileManifest {
  if (
    (size !== undefined && manifest.size !== size) ||
    (piecesRoot !== undefined && manifest.piecesRoot !== piecesRoot)
  ) {
    throw new PeerError(
      PeerErrorCode.IntegrityError,
      'its manifest does not match the announced size and pieces root',
    );
  }
  return manifest;
}

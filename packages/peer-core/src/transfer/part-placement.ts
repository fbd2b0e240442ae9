import { access, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileManifest } from '../grpc/peer-types.js';
import { numberedName } from './numbered-name.js';
import {
  loadPartRecord,
  recordPathOf,
  type PartRecord,
} from './part-record.js';

/** Where a download's partial data lives, and what is already verified. */
export interface PartPlacement {
  partPath: string;
  recordPath: string;
  /** Pieces verified by an earlier run of this download. */
  verified: number[];
}

/** Alternative names tried before giving up. */
const MAX_ALTERNATIVES = 1_000;

/**
 * Picks `NAME.part` in `dir`: the one whose record is for this very file
 * (a resumed download), or else the first `NAME (n).part` not used by
 * another download.
 */
export async function placePart(
  dir: string,
  name: string,
  manifest: FileManifest,
): Promise<PartPlacement> {
  await mkdir(dir, { recursive: true });
  for (let n = 0; n < MAX_ALTERNATIVES; n++) {
    const partPath = join(dir, `${numberedName(name, n)}.part`);
    const recordPath = recordPathOf(partPath);
    const record = await loadPartRecord(recordPath);
    if (record !== undefined && sameFile(record, manifest)) {
      const exists = await pathExists(partPath);
      return { partPath, recordPath, verified: exists ? record.verified : [] };
    }
    if (
      record === undefined &&
      !(await pathExists(partPath)) &&
      !(await pathExists(recordPath))
    ) {
      return { partPath, recordPath, verified: [] };
    }
  }
  throw new Error(`too many partial downloads named ${name} in ${dir}`);
}

function sameFile(record: PartRecord, manifest: FileManifest): boolean {
  return (
    record.sha256 === manifest.sha256 &&
    record.size === manifest.size &&
    record.pieceSize === manifest.pieceSize &&
    record.piecesRoot === manifest.piecesRoot
  );
}

/** True when something exists at `path`. */
export async function pathExists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { isNodeError } from '../errors.js';

/** What a `.part.ferry` file records next to a partial download. */
export interface PartRecord {
  sha256: string;
  size: number;
  pieceSize: number;
  piecesRoot: string;
  /** Indexes of pieces verified and flushed to the `.part` file. */
  verified: number[];
}

interface StoredRecord {
  version: 1;
  sha256: string;
  size: number;
  pieceSize: number;
  piecesRoot: string;
  /** Verified pieces as a bit field (bit i of byte i >> 3), base64. */
  verified: string;
}

/** The record of a `.part` file: `NAME.part` → `NAME.part.ferry`. */
export function recordPathOf(partPath: string): string {
  return `${partPath}.ferry`;
}

/** Reads a record; undefined when missing or unreadable (start over). */
export async function loadPartRecord(
  path: string,
): Promise<PartRecord | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isNodeError(error, 'ENOENT')) return undefined;
    throw error;
  }
  try {
    const stored = JSON.parse(text) as StoredRecord;
    if (stored.version !== 1) return undefined;
    return {
      ...stored,
      verified: fromBits(Buffer.from(stored.verified, 'base64')),
    };
  } catch {
    return undefined;
  }
}

/**
 * Writes a record atomically (temporary file, then rename). Call it only
 * after the pieces it lists were flushed to the `.part` file.
 */
export async function savePartRecord(
  path: string,
  record: PartRecord,
): Promise<void> {
  const stored: StoredRecord = {
    version: 1,
    sha256: record.sha256,
    size: record.size,
    pieceSize: record.pieceSize,
    piecesRoot: record.piecesRoot,
    verified: toBits(record.verified).toString('base64'),
  };
  const temporary = `${path}.tmp`;
  await writeFile(temporary, JSON.stringify(stored));
  await rename(temporary, path);
}

/** Deletes a record and its `.part` file, if present. */
export async function removePartFiles(partPath: string): Promise<void> {
  await rm(partPath, { force: true });
  await rm(recordPathOf(partPath), { force: true });
}

function toBits(indexes: number[]): Buffer {
  const bits = Buffer.alloc(Math.ceil((Math.max(-1, ...indexes) + 1) / 8));
  for (const index of indexes)
    bits[index >> 3] = (bits[index >> 3] ?? 0) | (1 << (index & 7));
  return bits;
}

function fromBits(bits: Buffer): number[] {
  const indexes: number[] = [];
  for (let index = 0; index < bits.length * 8; index++) {
    if (((bits[index >> 3] ?? 0) >> (index & 7)) & 1) indexes.push(index);
  }
  return indexes;
}

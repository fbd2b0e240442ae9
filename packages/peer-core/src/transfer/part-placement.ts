import { access, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PeerError, PeerErrorCode } from '../errors.js';
import type { FileManifest } from '../grpc/peer-types.js';
import { numberedName } from './numbered-name.js';
import { lockPart, type PartLockWait, type ReleasePart } from './part-lock.js';
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
  /** Ends this download's claim on `partPath` (see `lockPart`). */
  release: ReleasePart;
}

/** Alternative names tried before giving up. */
const MAX_ALTERNATIVES = 1_000;

/** Where to place a download, and how it hears that it lost its lock. */
export interface PlacementRequest {
  dir: string;
  name: string;
  manifest: FileManifest;
  /**
   * How long to wait for the `.part` of this very file while another
   * download holds it: past `PART_LOCK_STALE_MS`, so the lock of a process
   * that died is taken over and its pieces resumed.
   */
  lockWaitMs: number;
  /** Ends that wait (the download stops), and hears when it starts. */
  lockWait?: PartLockWait;
  onLockLost: (error: Error) => void;
}

/**
 * Picks and locks `NAME.part` in `dir`: the one whose record is for this
 * very file (a resumed download), or else the first `NAME (n).part` not
 * used by another download. Throws `ALREADY_DOWNLOADING` when another
 * running download (in this process or another) holds the one for this
 * file past `lockWaitMs`; rejects with the abort reason once
 * `lockWait.signal` aborts the wait.
 */
export async function placePart(
  request: PlacementRequest,
): Promise<PartPlacement> {
  const { dir, name, manifest } = request;
  await mkdir(dir, { recursive: true });
  for (let n = 0; n < MAX_ALTERNATIVES; n++) {
    const partPath = join(dir, `${numberedName(name, n)}.part`);
    const recordPath = recordPathOf(partPath);
    const release =
      (await lockPart(partPath, 0, request.onLockLost)) ??
      (await lockOwnPart(partPath, recordPath, request));
    if (release === undefined) continue;
    const verified = await reusableRecord(partPath, recordPath, manifest);
    if (verified !== undefined) {
      return { partPath, recordPath, verified, release };
    }
    await release();
  }
  throw new Error(`too many partial downloads named ${name} in ${dir}`);
}

/**
 * A held `partPath` is waited for if its record is for this very file;
 * one of another file is passed over (undefined).
 */
async function lockOwnPart(
  partPath: string,
  recordPath: string,
  request: PlacementRequest,
): Promise<ReleasePart | undefined> {
  const record = await loadPartRecord(recordPath);
  if (record === undefined || !sameFile(record, request.manifest)) {
    return undefined;
  }
  const release = await lockPart(
    partPath,
    request.lockWaitMs,
    request.onLockLost,
    request.lockWait,
  );
  if (release === undefined) {
    throw new PeerError(
      PeerErrorCode.AlreadyDownloading,
      `${request.name} is already being downloaded into ${request.dir} by another download`,
    );
  }
  return release;
}

/**
 * What a locked `partPath` offers this download: the pieces its record
 * verified (none for a fresh name), or undefined when it belongs to
 * another file.
 */
async function reusableRecord(
  partPath: string,
  recordPath: string,
  manifest: FileManifest,
): Promise<number[] | undefined> {
  const record = await loadPartRecord(recordPath);
  if (record !== undefined && sameFile(record, manifest)) {
    return (await pathExists(partPath)) ? record.verified : [];
  }
  if (
    record === undefined &&
    !(await pathExists(partPath)) &&
    !(await pathExists(recordPath))
  ) {
    return [];
  }
  return undefined;
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

import type { FileManifest } from '../grpc/peer-types.js';
import { pieceLength } from '../share/pieces.js';
import { piecesHeld } from './held-pieces.js';
import type { PartLockWait } from './part-lock.js';
import { placePart, type PartPlacement } from './part-placement.js';
import { PartRecorder } from './part-recorder.js';
import { PieceQueue } from './piece-queue.js';
import type { PieceWriter } from './piece-writer.js';
import type { TransferTuning } from './transfer-types.js';

/** The parts of a download that exist once its manifest is known. */
export interface Prepared {
  manifest: FileManifest;
  placement: PartPlacement;
  writer: PieceWriter;
  queue: PieceQueue;
  recorder: PartRecorder;
}

export interface PreparePartOptions {
  dir: string;
  /** The sanitized file name. */
  name: string;
  manifest: FileManifest;
  writer: PieceWriter;
  tuning: TransferTuning;
  /** Ends waiting for a `.part` another download holds, and hears it start. */
  lockWait: PartLockWait;
  /** Another download took the `.part` over. */
  onLockLost: (error: Error) => void;
  /** The record on disk now claims `bytes` verified bytes. */
  onRecorded: (bytes: number) => void;
}

/**
 * Finds (or creates) and locks the download's `.part`, opens it in the
 * writer, and records what it holds so far: a download restarted in a new
 * process continues from there. The lock is released if opening fails.
 */
export async function preparePart(
  options: PreparePartOptions,
): Promise<Prepared> {
  const { manifest, tuning } = options;
  const placement = await placePart({
    dir: options.dir,
    name: options.name,
    manifest,
    lockWaitMs: tuning.partLockWaitMs,
    lockWait: options.lockWait,
    onLockLost: options.onLockLost,
  });
  try {
    return await openPart(placement, options);
  } catch (error) {
    await placement.release();
    throw error;
  }
}

async function openPart(
  placement: PartPlacement,
  { manifest, writer, tuning, onRecorded }: PreparePartOptions,
): Promise<Prepared> {
  const verified = await piecesHeld(
    placement.partPath,
    placement.verified,
    manifest,
  );
  await writer.open(
    {
      partPath: placement.partPath,
      size: manifest.size,
      pieceSize: manifest.pieceSize,
      verified,
      pieceHashes: Buffer.concat(manifest.pieceHashes),
      directIo: tuning.directIo,
    },
    tuning.maxPendingWrites,
  );
  const queue = new PieceQueue(manifest.pieceHashes.length, verified);
  const recorder = new PartRecorder(
    writer,
    placement.recordPath,
    manifest,
    (verified) => onRecorded(bytesOfPieces(verified, manifest)),
  );
  await recorder.flush(() => queue.doneIndexes());
  return { manifest, placement, writer, queue, recorder };
}

/** The bytes the pieces `indexes` of a file hold. */
export function bytesOfPieces(
  indexes: readonly number[],
  manifest: FileManifest,
): number {
  return indexes.reduce(
    (sum, index) => sum + pieceLength(index, manifest.size, manifest.pieceSize),
    0,
  );
}

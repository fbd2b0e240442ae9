import type { TransferTuning } from './transfer-types.js';

/**
 * How many pieces one request to a source asks for: about
 * `tuning.requestMs` of what each of its `requestsPerSource` streams
 * delivers at `speedBps`, kept within `piecesPerRequest` and
 * `maxPiecesPerRequest`.
 */
export function runLength(
  speedBps: number,
  pieceSize: number,
  tuning: TransferTuning,
): number {
  const perStream = speedBps / tuning.requestsPerSource;
  const wanted = Math.floor((perStream * tuning.requestMs) / 1_000 / pieceSize);
  return Math.min(
    tuning.maxPiecesPerRequest,
    Math.max(tuning.piecesPerRequest, wanted),
  );
}

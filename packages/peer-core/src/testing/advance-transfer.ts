import { TransferState, type TransferSnapshot } from '../peer/peer-client.js';

const MOVING = new Set<TransferState>([
  TransferState.Queued,
  TransferState.Connecting,
  TransferState.Downloading,
  TransferState.Uploading,
]);

/** True while a transfer still moves bytes or waits to. */
export function isMoving(transfer: TransferSnapshot): boolean {
  return MOVING.has(transfer.state);
}

/**
 * Moves one transfer `seconds` forward at `speedBps`: a queued one starts,
 * a running one gains bytes and finishes at its size. Others are unchanged.
 */
export function advanceTransfer(
  transfer: TransferSnapshot,
  seconds: number,
  speedBps: number,
): TransferSnapshot {
  if (!isMoving(transfer)) return transfer;
  const bytesDone = Math.min(
    transfer.size,
    transfer.bytesDone + Math.round(speedBps * seconds),
  );
  if (bytesDone >= transfer.size) {
    return {
      ...transfer,
      bytesDone,
      speedBps: 0,
      etaSeconds: 0,
      state: TransferState.Done,
    };
  }
  return {
    ...transfer,
    bytesDone,
    speedBps,
    etaSeconds: Math.ceil((transfer.size - bytesDone) / speedBps),
    state:
      transfer.direction === 'down'
        ? TransferState.Downloading
        : TransferState.Uploading,
  };
}

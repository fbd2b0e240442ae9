import { TransferState, type TransferSnapshot } from '@ferry/peer-core';

const ACTIVE = new Set<TransferState>([
  TransferState.Queued,
  TransferState.Connecting,
  TransferState.Downloading,
  TransferState.Uploading,
  TransferState.Verifying,
]);

/** True while a transfer is moving or about to (quitting would stop it). */
export function isActiveTransfer(transfer: TransferSnapshot): boolean {
  return ACTIVE.has(transfer.state);
}

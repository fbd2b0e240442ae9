import type { PeerSnapshot } from '@ferry/peer-core';
import type { Pane, UiState } from './ui-state.js';

/**
 * A cursor kept inside a list of `count` rows: a list that shrank (a peer
 * went offline, a transfer was cleared) leaves it on its last row.
 */
export function clampCursor(cursor: number, count: number): number {
  return Math.max(0, Math.min(cursor, count - 1));
}

/** Every pane's cursor, each kept inside the list the pane shows now. */
export function clampCursors(
  ui: UiState,
  snapshot: PeerSnapshot,
): Record<Pane, number> {
  return {
    peers: clampCursor(ui.cursors.peers, snapshot.peers.length),
    files: clampCursor(ui.cursors.files, ui.fileRows.length),
    transfers: clampCursor(ui.cursors.transfers, snapshot.transfers.length),
  };
}

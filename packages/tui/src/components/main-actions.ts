import type { Dispatch } from 'react';
import {
  getErrorMessage,
  TransferState,
  type PeerClient,
} from '@ferry/peer-core';
import type { UiAction } from '../state/ui-action.js';
import type { FileRow, FilesView } from '../state/ui-state.js';
import type { TransferActions } from './TransfersPane.js';

/** Runs `act`; a refused action (a bad state, a full disk) becomes a notice. */
function safely(dispatch: Dispatch<UiAction>, act: () => void): void {
  try {
    act();
  } catch (error) {
    dispatch({ type: 'notice', text: getErrorMessage(error) });
  }
}

/** What the Transfers pane's keys do to the selected transfer. */
export function transferActions(
  client: PeerClient,
  dispatch: Dispatch<UiAction>,
): TransferActions {
  return {
    pauseResume: (t) =>
      safely(dispatch, () =>
        t.state === TransferState.Paused
          ? client.resume(t.id)
          : client.pause(t.id),
      ),
    cancel: (t) => safely(dispatch, () => client.cancel(t.id)),
    retry: (t) => safely(dispatch, () => client.retry(t.id)),
    clearFinished: () =>
      client.clearFinished
        ? safely(dispatch, () => client.clearFinished?.())
        : dispatch({
            type: 'notice',
            text: 'This peer cannot clear the list.',
          }),
  };
}

/** Enter on a Files row: downloads it, saying so in a notice. */
export function downloadAction(
  client: PeerClient,
  dispatch: Dispatch<UiAction>,
  view: FilesView,
): (row: FileRow) => void {
  return (row) => {
    if (view.kind === 'own') {
      dispatch({ type: 'notice', text: 'That file is in your own share.' });
      return;
    }
    safely(dispatch, () => {
      // The client returns the existing transfer for a file already coming.
      const known = new Set(client.snapshot().transfers.map((t) => t.id));
      const id = client.download({
        sha256: row.sha256,
        name: row.name,
        size: row.size,
      });
      const text = known.has(id)
        ? `Already downloading ${row.name}`
        : `Downloading ${row.name}`;
      dispatch({ type: 'notice', text });
    });
  };
}

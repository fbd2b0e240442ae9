import type { Dispatch } from 'react';
import { TransferState, type TransferSnapshot } from '@ferry/peer-core';
import { transferLine } from '../format/transfer-line.js';
import { useCommands } from '../hooks/useCommands.js';
import { Command, Scope } from '../keys/command.js';
import { listHandlers } from '../state/list-handlers.js';
import type { UiAction } from '../state/ui-action.js';
import { Pane } from './Pane.js';
import { WindowedList } from './WindowedList.js';

/** What a user can do with one transfer. */
export interface TransferActions {
  pauseResume: (transfer: TransferSnapshot) => void;
  cancel: (transfer: TransferSnapshot) => void;
  retry: (transfer: TransferSnapshot) => void;
  /** Removes done, cancelled and failed transfers from the list. */
  clearFinished: () => void;
}

function title(selected: TransferSnapshot | undefined, count: number): string {
  const base = `3 Transfers · ${count}`;
  if (selected?.state === TransferState.Failed && selected.error) {
    return `${base} · ${selected.name}: ${selected.error}`;
  }
  if (selected?.note) return `${base} · ${selected.name}: ${selected.note}`;
  return base;
}

/**
 * Downloads and uploads with progress; p pauses, x cancels, r retries,
 * c clears finished ones.
 */
export function TransfersPane({
  transfers,
  cursor,
  width,
  height,
  focused,
  active,
  dispatch,
  actions,
}: {
  transfers: readonly TransferSnapshot[];
  cursor: number;
  width: number;
  height: number;
  focused: boolean;
  active: boolean;
  dispatch: Dispatch<UiAction>;
  actions: TransferActions;
}) {
  const rows = height - 3;
  const selected = transfers[cursor];
  const on = (act: (t: TransferSnapshot) => void) => () => {
    if (selected) act(selected);
  };
  useCommands(
    [Scope.Transfers, Scope.List],
    {
      ...listHandlers(dispatch, transfers.length, rows),
      [Command.PauseResume]: on(actions.pauseResume),
      [Command.Cancel]: on(actions.cancel),
      [Command.Retry]: on(actions.retry),
      [Command.ClearFinished]: actions.clearFinished,
    },
    active,
  );
  return (
    <Pane
      title={title(selected, transfers.length)}
      focused={focused}
      width={width}
      height={height}
    >
      <WindowedList
        count={transfers.length}
        cursor={cursor}
        height={rows}
        width={width - 4}
        focused={focused}
        line={(index) => {
          const t = transfers[index];
          return t ? transferLine(t, width - 4) : '';
        }}
        empty="No transfers yet. Enter on a file downloads it."
      />
    </Pane>
  );
}

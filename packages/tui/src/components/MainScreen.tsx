import { useReducer } from 'react';
import { Box } from 'ink';
import { getErrorMessage, TransferState } from '@ferry/peer-core';
import { usePeerClient } from '../context/PeerClientContext.js';
import { isActiveTransfer } from '../format/transfer-state.js';
import { useFilesLoader } from '../hooks/useFilesLoader.js';
import { useGlobalKeys } from '../hooks/useGlobalKeys.js';
import { useNoticeExpiry } from '../hooks/useNoticeExpiry.js';
import { usePeerSnapshot } from '../hooks/usePeerSnapshot.js';
import { SMALLEST_SIZE, useTerminalSize } from '../hooks/useTerminalSize.js';
import { Scope } from '../keys/command.js';
import { clampCursors } from '../state/clamp-cursor.js';
import { uiReducer } from '../state/ui-reducer.js';
import {
  initialUiState,
  Pane,
  type FileRow,
  type UiState,
} from '../state/ui-state.js';
import { ConfirmQuit } from './ConfirmQuit.js';
import { FilesPane } from './FilesPane.js';
import { Footer } from './Footer.js';
import { HelpOverlay } from './HelpOverlay.js';
import { PeersPane } from './PeersPane.js';
import { StatusBar } from './StatusBar.js';
import { TooSmall } from './TooSmall.js';
import { TransfersPane, type TransferActions } from './TransfersPane.js';

function footerScopes(ui: UiState): Scope[] {
  if (ui.overlay === 'confirm-quit') return [Scope.Confirm];
  if (ui.searchOpen) return [Scope.Search];
  const pane = {
    peers: Scope.Peers,
    files: Scope.Files,
    transfers: Scope.Transfers,
  };
  return [Scope.Global, pane[ui.focusedPane], Scope.List];
}

/** The status bar, the three panes and the footer, sized to the terminal. */
export function MainScreen({ onQuit }: { onQuit: () => void }) {
  const client = usePeerClient();
  const snapshot = usePeerSnapshot();
  const { columns, rows } = useTerminalSize();
  const [ui, dispatch] = useReducer(uiReducer, initialUiState);
  const load = useFilesLoader(client, dispatch);
  useNoticeExpiry(ui.notice, ui.noticeSerial, dispatch);
  const cursors = clampCursors(ui, snapshot);
  const activeTransfers = snapshot.transfers.filter(isActiveTransfer).length;
  useGlobalKeys({ ui, dispatch, load, activeTransfers, onQuit });
  const body = rows - 3;
  const topHeight = Math.max(8, Math.ceil(body * 0.6));
  const peersWidth = Math.min(36, Math.floor(columns * 0.33));
  const paneActive = (pane: Pane) =>
    ui.focusedPane === pane && ui.overlay === 'none' && !ui.searchOpen;
  // A refused action (a bad state, a full disk) becomes a notice.
  const safely = (act: () => void) => {
    try {
      act();
    } catch (error) {
      dispatch({ type: 'notice', text: getErrorMessage(error) });
    }
  };
  const actions: TransferActions = {
    pauseResume: (t) =>
      safely(() =>
        t.state === TransferState.Paused
          ? client.resume(t.id)
          : client.pause(t.id),
      ),
    cancel: (t) => safely(() => client.cancel(t.id)),
    retry: (t) => safely(() => client.retry(t.id)),
    clearFinished: () =>
      client.clearFinished
        ? safely(() => client.clearFinished?.())
        : dispatch({
            type: 'notice',
            text: 'This peer cannot clear the list.',
          }),
  };
  const download = (row: FileRow) => {
    if (ui.filesView.kind === 'own') {
      dispatch({ type: 'notice', text: 'That file is in your own share.' });
      return;
    }
    safely(() => {
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
  if (columns < SMALLEST_SIZE.columns || rows < SMALLEST_SIZE.rows) {
    return <TooSmall columns={columns} rows={rows} />;
  }
  return (
    <Box flexDirection="column" width={columns} height={rows - 1}>
      <StatusBar snapshot={snapshot} width={columns} />
      {ui.overlay === 'help' ? (
        <HelpOverlay width={columns} height={body} />
      ) : (
        <Box flexDirection="column" height={body}>
          <Box height={topHeight}>
            <PeersPane
              peers={snapshot.peers}
              cursor={cursors.peers}
              width={peersWidth}
              height={topHeight}
              focused={ui.focusedPane === Pane.Peers}
              active={paneActive(Pane.Peers)}
              dispatch={dispatch}
              onBrowse={(username) => load({ kind: 'peer', username })}
            />
            <FilesPane
              ui={ui}
              cursor={cursors.files}
              width={columns - peersWidth}
              height={topHeight}
              active={paneActive(Pane.Files)}
              dispatch={dispatch}
              onSearch={(query) => load({ kind: 'search', query })}
              onDownload={download}
            />
          </Box>
          {ui.overlay === 'confirm-quit' ? (
            <ConfirmQuit
              active={activeTransfers}
              width={columns}
              height={body - topHeight}
            />
          ) : (
            <TransfersPane
              transfers={snapshot.transfers}
              cursor={cursors.transfers}
              width={columns}
              height={body - topHeight}
              focused={ui.focusedPane === Pane.Transfers}
              active={paneActive(Pane.Transfers)}
              dispatch={dispatch}
              actions={actions}
            />
          )}
        </Box>
      )}
      <Footer scopes={footerScopes(ui)} width={columns} notice={ui.notice} />
    </Box>
  );
}

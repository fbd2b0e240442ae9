import { useReducer } from 'react';
import { Box } from 'ink';
import { usePeerClient } from '../context/PeerClientContext.js';
import { isActiveTransfer } from '../format/transfer-state.js';
import { useFilesLoader } from '../hooks/useFilesLoader.js';
import { useGlobalKeys } from '../hooks/useGlobalKeys.js';
import { useNoticeExpiry } from '../hooks/useNoticeExpiry.js';
import { usePeerSnapshot } from '../hooks/usePeerSnapshot.js';
import { SMALLEST_SIZE, useTerminalSize } from '../hooks/useTerminalSize.js';
import { clampCursors } from '../state/clamp-cursor.js';
import { uiReducer } from '../state/ui-reducer.js';
import { initialUiState, Pane } from '../state/ui-state.js';
import { ConfirmQuit } from './ConfirmQuit.js';
import { FilesPane } from './FilesPane.js';
import { Footer } from './Footer.js';
import { footerScopes } from './footer-scopes.js';
import { HelpOverlay } from './HelpOverlay.js';
import { downloadAction, transferActions } from './main-actions.js';
import { mainLayout } from './main-layout.js';
import { PeersPane } from './PeersPane.js';
import { StatusBar } from './StatusBar.js';
import { TooSmall } from './TooSmall.js';
import { TransfersPane } from './TransfersPane.js';

/** The status bar, the three panes and the footer, sized to the terminal. */
export function MainScreen({ onQuit }: { onQuit: () => void }) {
  const client = usePeerClient();
  const snapshot = usePeerSnapshot();
  const size = useTerminalSize();
  const { columns, rows } = size;
  const [ui, dispatch] = useReducer(uiReducer, initialUiState);
  const load = useFilesLoader(client, dispatch);
  useNoticeExpiry(ui.notice, ui.noticeSerial, dispatch);
  const cursors = clampCursors(ui, snapshot);
  const activeTransfers = snapshot.transfers.filter(isActiveTransfer).length;
  const tooSmall = columns < SMALLEST_SIZE.columns || rows < SMALLEST_SIZE.rows;
  const shown = !tooSmall;
  useGlobalKeys({ ui, dispatch, load, activeTransfers, onQuit, shown });
  const { body, topHeight, peersWidth } = mainLayout(size);
  const paneActive = (pane: Pane) =>
    ui.focusedPane === pane && ui.overlay === 'none' && !ui.searchOpen;
  if (tooSmall) return <TooSmall columns={columns} rows={rows} />;
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
              onDownload={downloadAction(client, dispatch, ui.filesView)}
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
              actions={transferActions(client, dispatch)}
            />
          )}
        </Box>
      )}
      <Footer scopes={footerScopes(ui)} width={columns} notice={ui.notice} />
    </Box>
  );
}

import type { Dispatch } from 'react';
import type { PeerSummary } from '@ferry/peer-core';
import { formatCount, formatSize } from '../format/format-size.js';
import { fit } from '../format/safe-text.js';
import { useCommands } from '../hooks/useCommands.js';
import { Command, Scope } from '../keys/command.js';
import { listHandlers } from '../state/list-handlers.js';
import type { UiAction } from '../state/ui-action.js';
import { Pane } from './Pane.js';
import { WindowedList } from './WindowedList.js';

/** Online peers with their file counts and bytes; Enter browses one. */
export function PeersPane({
  peers,
  cursor,
  width,
  height,
  focused,
  active,
  dispatch,
  onBrowse,
}: {
  peers: readonly PeerSummary[];
  cursor: number;
  width: number;
  height: number;
  focused: boolean;
  active: boolean;
  dispatch: Dispatch<UiAction>;
  onBrowse: (username: string) => void;
}) {
  const rows = height - 3;
  const inner = width - 4;
  // The size column goes first when the pane is narrow, so names stay readable.
  const withSize = inner - 17 >= 5;
  const nameWidth = Math.max(4, inner - (withSize ? 17 : 7));
  useCommands(
    [Scope.Peers, Scope.List],
    {
      ...listHandlers(dispatch, peers.length, rows),
      [Command.Browse]: () => {
        const peer = peers[cursor];
        if (peer) onBrowse(peer.username);
      },
    },
    active,
  );
  const line = (index: number) => {
    const peer = peers[index];
    if (!peer) return '';
    return (
      fit(peer.username, nameWidth) +
      fit(formatCount(peer.fileCount), 7, 'right') +
      (withSize ? fit(formatSize(peer.totalBytes), 10, 'right') : '')
    );
  };
  return (
    <Pane
      title={`1 Peers · ${peers.length} online`}
      focused={focused}
      width={width}
      height={height}
    >
      <WindowedList
        count={peers.length}
        cursor={cursor}
        height={rows}
        width={inner}
        focused={focused}
        line={line}
        empty="No other peer online."
      />
    </Pane>
  );
}

import type { Dispatch } from 'react';
import type { PeerSummary } from '@ferry/peer-core';
import { formatCount, formatSize } from '../format/format-size.js';
import { fit } from '../format/safe-text.js';
import { useCommands } from '../hooks/useCommands.js';
import { Command, Scope } from '../keys/command.js';
import { listHandlers } from '../state/list-handlers.js';
import type { UiAction } from '../state/ui-action.js';
import { Pane } from './Pane.js';
import { COUNT_WIDTH, peerColumns, SIZE_WIDTH } from './peer-columns.js';
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
  const { nameWidth, withCount, withSize } = peerColumns(inner);
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
      (withCount
        ? fit(formatCount(peer.fileCount), COUNT_WIDTH, 'right')
        : '') +
      (withSize ? fit(formatSize(peer.totalBytes), SIZE_WIDTH, 'right') : '')
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

import { ConnectionState, type PeerSnapshot } from '@ferry/peer-core';
import { countNoun } from './count-noun.js';
import { formatSize, formatSpeed } from './format-size.js';

/** "127.0.0.1:7070" from "http://127.0.0.1:7070/". */
export function directoryHost(url: string): string {
  return url.replace(/^[a-z]+:\/\//i, '').replace(/\/+$/, '');
}

/** The colour of the connection dot. */
export function connectionColor(state: ConnectionState): string {
  switch (state) {
    case ConnectionState.Online:
      return 'green';
    case ConnectionState.Connecting:
    case ConnectionState.Reconnecting:
      return 'yellow';
    case ConnectionState.Offline:
      return 'red';
    default: {
      const exhaustive: never = state;
      return exhaustive;
    }
  }
}

/** The status bar's figures after the connection state; shorter if compact. */
export function statusFigures(s: PeerSnapshot, compact = false): string {
  const scanning = s.share.scanning ? ' (scanning)' : '';
  return [
    `peers ${s.peers.length}`,
    `${compact ? '' : 'sharing '}${countNoun(s.share.fileCount, 'file')} · ` +
      `${formatSize(s.share.totalBytes)}${scanning}`,
    `↓ ${formatSpeed(s.downSpeedBps) || '0 B/s'}`,
    `↑ ${formatSpeed(s.upSpeedBps) || '0 B/s'}`,
  ].join('  ');
}

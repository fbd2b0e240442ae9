import { TransferState, type TransferSnapshot } from '@ferry/peer-core';
import { formatEta } from './format-eta.js';
import { formatSpeed } from './format-size.js';
import { percent, progressBar } from './progress-bar.js';
import { fit } from './safe-text.js';

const FIXED = 2 + 5 + 11 + 6 + 7 + 12;

/**
 * One transfer as a line exactly `width` columns wide: direction, name (and
 * the remote of an upload), progress bar, percent, speed, ETA, sources and
 * state.
 */
export function transferLine(t: TransferSnapshot, width: number): string {
  const bar = Math.max(6, Math.min(20, Math.floor(width * 0.18)));
  const nameWidth = Math.max(6, width - FIXED - bar - 1);
  const name = t.remote ? `${t.name} → ${t.remote}` : t.name;
  const moving =
    t.state === TransferState.Downloading ||
    t.state === TransferState.Uploading;
  return (
    (t.direction === 'down' ? '↓ ' : '↑ ') +
    fit(name, nameWidth) +
    ' ' +
    progressBar(t.bytesDone, t.size, bar) +
    fit(percent(t.bytesDone, t.size), 5, 'right') +
    fit(moving ? formatSpeed(t.speedBps) : '', 11, 'right') +
    fit(moving ? formatEta(t.etaSeconds) : '', 6, 'right') +
    fit(t.sources > 0 ? `${t.sources} src` : '', 7, 'right') +
    ' ' +
    fit(t.state, 11)
  );
}

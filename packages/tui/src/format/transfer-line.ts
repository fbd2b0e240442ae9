import { TransferState, type TransferSnapshot } from '@ferry/peer-core';
import { formatEta } from './format-eta.js';
import { formatSpeed } from './format-size.js';
import { percent, progressBar } from './progress-bar.js';
import { fit } from './safe-text.js';

/** Arrow, the space after the name, percent, and the state with its space. */
const ALWAYS = 2 + 1 + 5 + 1 + 11;

/** The fewest columns a name keeps before a less needed column is shown. */
const NAME_MIN = 10;

/** Columns shown only when there is room, most needed first. */
const OPTIONAL = [
  {
    width: 11,
    text: (t: TransferSnapshot, moving: boolean) =>
      moving ? formatSpeed(t.speedBps) : '',
  },
  {
    width: 6,
    text: (t: TransferSnapshot, moving: boolean) =>
      moving ? formatEta(t.etaSeconds) : '',
  },
  {
    width: 7,
    text: (t: TransferSnapshot) => (t.sources > 0 ? `${t.sources} src` : ''),
  },
];

/**
 * One transfer as a line exactly `width` columns wide: direction, name (and
 * the remote of an upload), progress bar, percent, speed, ETA, sources and
 * state. When narrow, the sources, then the ETA, then the speed go, so
 * the name keeps `NAME_MIN` columns and the state is never cut (from 36
 * columns, the Transfers pane at 40).
 */
export function transferLine(t: TransferSnapshot, width: number): string {
  const bar = Math.max(6, Math.min(20, Math.floor(width * 0.18)));
  let room = width - ALWAYS - bar;
  const shown: typeof OPTIONAL = [];
  for (const column of OPTIONAL) {
    if (room - column.width < NAME_MIN) break;
    shown.push(column);
    room -= column.width;
  }
  const name = t.remote ? `${t.name} → ${t.remote}` : t.name;
  const moving =
    t.state === TransferState.Downloading ||
    t.state === TransferState.Uploading;
  return (
    (t.direction === 'down' ? '↓ ' : '↑ ') +
    fit(name, Math.max(NAME_MIN, room)) +
    ' ' +
    progressBar(t.bytesDone, t.size, bar) +
    fit(percent(t.bytesDone, t.size), 5, 'right') +
    shown
      .map((column) => fit(column.text(t, moving), column.width, 'right'))
      .join('') +
    ' ' +
    fit(t.state, 11)
  );
}

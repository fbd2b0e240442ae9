import wrapAnsi from 'wrap-ansi';
import { Scope } from '../keys/command.js';
import { keyLabel } from '../keys/key-name.js';
import { KEYMAP } from '../keys/keymap.js';
import { fit } from '../format/safe-text.js';

/** The scopes of the main screen, in the order the help lists them. */
const MAIN_SCOPES: readonly Scope[] = [
  Scope.Global,
  Scope.App,
  Scope.List,
  Scope.Peers,
  Scope.Files,
  Scope.Search,
  Scope.Transfers,
];

/** Columns of an entry's keys, after its two-column indent. */
const KEYS_WIDTH = 12;
const INDENT = 2;

/** One column of help, `width` wide: each scope's heading, then its keys. */
function column(width: number): string[] {
  const room = Math.max(1, width - INDENT - KEYS_WIDTH);
  const pad = ' '.repeat(INDENT + KEYS_WIDTH);
  return MAIN_SCOPES.flatMap((scope) => [
    scope,
    ...KEYMAP.filter((x) => x.scope === scope).flatMap((x) => {
      const keys = fit(x.keys.map(keyLabel).join(' '), KEYS_WIDTH);
      const [first = '', ...rest] = wrapAnsi(x.description, room).split('\n');
      return [
        ' '.repeat(INDENT) + keys + first,
        ...rest.map((more) => pad + more),
      ];
    }),
  ]);
}

/**
 * Columns a description keeps in each of two columns side by side: every
 * one of the main screen but the search box's Enter fits unwrapped, so two
 * columns show from 108 (half of the box inside its border).
 */
const TWO_COLUMN_DESCRIPTION = 38;

/**
 * The lines of the `?` help, `width` columns wide: two columns side by side
 * when each has room for a description of `TWO_COLUMN_DESCRIPTION`
 * columns, else one; longer descriptions wrap under their keys. Every key
 * of the main screen is on some line.
 */
export function helpLines(width: number): string[] {
  const half = Math.floor(width / 2);
  if (half >= INDENT + KEYS_WIDTH + TWO_COLUMN_DESCRIPTION + 1) {
    const lines = column(half);
    const rows = Math.ceil(lines.length / 2);
    return lines
      .slice(0, rows)
      .map((left, i) => fit(left, half) + fit(lines[rows + i] ?? '', half));
  }
  return column(width).map((line) => fit(line, width));
}

import { displayWidth } from '../format/safe-text.js';

const ELLIPSIS = '…';

/** What a one-line text box shows: text before the cursor, under it, after. */
export interface FieldView {
  before: string;
  at: string;
  after: string;
}

/** The most of `chars` (taken from the end if `fromEnd`) within `room`. */
function take(chars: readonly string[], room: number, fromEnd: boolean) {
  const kept: string[] = [];
  let used = 0;
  const order = fromEnd ? [...chars].reverse() : chars;
  for (const char of order) {
    const columns = displayWidth(char);
    if (used + columns > room) break;
    kept.push(char);
    used += columns;
  }
  return (fromEnd ? kept.reverse() : kept).join('');
}

/** `chars` whole if they fit in `room` columns, else cut with "…". */
function side(chars: readonly string[], room: number, fromEnd: boolean) {
  if (displayWidth(chars.join('')) <= room) return chars.join('');
  if (room < displayWidth(ELLIPSIS)) return '';
  const kept = take(chars, room - displayWidth(ELLIPSIS), fromEnd);
  return fromEnd ? ELLIPSIS + kept : kept + ELLIPSIS;
}

/**
 * What a text box `width` columns wide shows of `chars` with the cursor
 * before `chars[cursor]` (a space at the end): never wider, the cursor
 * always in view, text cut off on either side marked with "…". Wide
 * characters count as two columns.
 */
export function fieldView(
  chars: readonly string[],
  cursor: number,
  width: number,
): FieldView {
  const at = chars[cursor] ?? ' ';
  const room = Math.max(0, width - displayWidth(at));
  const before = side(chars.slice(0, cursor), room, true);
  const after = side(
    chars.slice(cursor + 1),
    room - displayWidth(before),
    false,
  );
  return { before, at, after };
}

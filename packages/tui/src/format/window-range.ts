/** The slice of a list that is drawn: rows `start` up to `end` (exclusive). */
export interface WindowRange {
  start: number;
  end: number;
}

/**
 * Which rows of a `count`-long list to draw in `height` rows so the cursor
 * stays visible, centred once the list scrolls. Cost does not depend on
 * `count`, so ten thousand rows draw like fifty.
 */
export function windowRange(
  count: number,
  cursor: number,
  height: number,
): WindowRange {
  const rows = Math.max(0, height);
  if (count <= rows) return { start: 0, end: count };
  const wanted = cursor - Math.floor(rows / 2);
  const start = Math.min(Math.max(0, wanted), count - rows);
  return { start, end: start + rows };
}

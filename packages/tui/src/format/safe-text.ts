import { safeText } from '@ferry/peer-core';
import stringWidth from 'string-width';

// One definition of what is unsafe on a terminal, shared with ferry-peer.
export { safeText, withoutControls } from '@ferry/peer-core';

const ELLIPSIS = '…';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Terminal columns `text` takes, counting wide characters as two. */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

/**
 * Safe text cut to at most `width` terminal columns, counting wide
 * characters; cut text ends in "…". A wide character that would straddle
 * the last column is left out whole, so the result is never wider.
 */
export function cut(text: string, width: number): string {
  if (width <= 0) return '';
  const safe = safeText(text);
  if (displayWidth(safe) <= width) return safe;
  const room = width - displayWidth(ELLIPSIS);
  let kept = '';
  let used = 0;
  for (const { segment } of graphemes.segment(safe)) {
    const columns = displayWidth(segment);
    if (used + columns > room) break;
    kept += segment;
    used += columns;
  }
  return kept + ELLIPSIS;
}

/**
 * Safe text cut or padded to exactly `width` terminal columns, counting
 * wide characters; cut text ends in "…".
 */
export function fit(
  text: string,
  width: number,
  align: 'left' | 'right' = 'left',
): string {
  if (width <= 0) return '';
  const kept = cut(text, width);
  const pad = ' '.repeat(Math.max(0, width - displayWidth(kept)));
  return align === 'left' ? kept + pad : pad + kept;
}

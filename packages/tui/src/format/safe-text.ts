import stringWidth from 'string-width';

/**
 * C0 and C1 control characters (ESC among them), DEL, and the Unicode
 * bidirectional overrides that could reorder what follows on the line.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const ELLIPSIS = '…';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Terminal columns `text` takes, counting wide characters as two. */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

/** Text from the network made safe to print: each unsafe character is "�". */
export function safeText(text: string): string {
  return text.replace(UNSAFE, '\uFFFD');
}

/** Typed or pasted text without control characters (for input boxes). */
export function withoutControls(text: string): string {
  return text.replace(UNSAFE, '');
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

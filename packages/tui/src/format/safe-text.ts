import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';

/**
 * C0 and C1 control characters (ESC among them), DEL, and the Unicode
 * bidirectional overrides that could reorder what follows on the line.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Text from the network made safe to print: each unsafe character is "�". */
export function safeText(text: string): string {
  return text.replace(UNSAFE, '\uFFFD');
}

/** Typed or pasted text without control characters (for input boxes). */
export function withoutControls(text: string): string {
  return text.replace(UNSAFE, '');
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
  const cut = cliTruncate(safeText(text), width, { position: 'end' });
  const pad = ' '.repeat(Math.max(0, width - stringWidth(cut)));
  return align === 'left' ? cut + pad : pad + cut;
}

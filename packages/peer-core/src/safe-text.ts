/**
 * C0 and C1 control characters (ESC, CR, LF and TAB among them), DEL, and
 * the Unicode bidirectional overrides and isolates that could reorder what
 * follows on the line.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** What an unsafe character is shown as. */
export const UNSAFE_PLACEHOLDER = '\uFFFD';

/**
 * Text from the network made safe to print on a terminal: each control
 * character, escape or bidi override becomes "�", so a name can neither
 * run escape sequences nor break a line or a table.
 */
export function safeText(text: string): string {
  return text.replace(UNSAFE, UNSAFE_PLACEHOLDER);
}

/** Typed or pasted text without control characters (for input boxes). */
export function withoutControls(text: string): string {
  return text.replace(UNSAFE, '');
}

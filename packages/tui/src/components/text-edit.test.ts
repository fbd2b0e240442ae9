import { describe, expect, it } from 'vitest';
import { textEdits, type FieldKey } from './text-edit.js';

const NO_KEY: FieldKey = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  return: false,
  backspace: false,
  delete: false,
  escape: false,
  tab: false,
  ctrl: false,
  meta: false,
};

/** The text `input` inserts into a field. */
function inserted(input: string): string {
  return textEdits(input, NO_KEY)
    .map((edit) => (edit.type === 'insert' ? edit.text : ''))
    .join('');
}

describe('typed or pasted text', () => {
  it('keeps letters, wide characters and emoji', () => {
    expect(inserted('añ東😀')).toBe('añ東😀');
  });

  it('drops control characters, escapes and bidi overrides and isolates', () => {
    expect(inserted('a\u001b[2Jb\tc\u0085d')).toBe('a[2Jbcd');
    expect(inserted('ev\u202eil\u2066x\u2069')).toBe('evilx');
  });
});

import { describe, expect, it } from 'vitest';
import { safeText, withoutControls } from './safe-text.js';

describe('safeText', () => {
  it('replaces escapes, controls and bidi overrides with a placeholder', () => {
    // Given a name with a clear-screen, a title escape, a tab, a newline
    // and a right-to-left override
    const name = 'evil\x1b[2J\x1b]0;pwned\x07 a\tb\nc\u202Etxt.exe\u009b';
    // When it is made safe, Then no unsafe character is left
    expect(safeText(name)).toBe('evil�[2J�]0;pwned� a�b�c�txt.exe�');
  });

  it('keeps ordinary and wide text as it is', () => {
    expect(safeText('holiday 写真 ü.mkv')).toBe('holiday 写真 ü.mkv');
  });

  it('withoutControls drops them instead', () => {
    expect(withoutControls('a\x1b[Ab\u202Ec')).toBe('a[Abc');
  });
});

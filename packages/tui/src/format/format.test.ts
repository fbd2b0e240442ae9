import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { formatEta } from './format-eta.js';
import { formatCount, formatSize, formatSpeed } from './format-size.js';
import { percent, progressBar } from './progress-bar.js';
import { cut, fit, safeText } from './safe-text.js';
import { windowRange } from './window-range.js';

describe('formatters', () => {
  it.each([
    [0, '0 B'],
    [999, '999 B'],
    [48_200_000, '48.2 MB'],
    [1_400_000_000, '1.4 GB'],
  ])('formats %d bytes as %s', (bytes, text) => {
    expect(formatSize(bytes)).toBe(text);
  });

  it('formats speeds, counts and ETAs', () => {
    expect(formatSpeed(24_000_000)).toBe('24 MB/s');
    expect(formatSpeed(0)).toBe('');
    expect(formatCount(1204)).toBe('1,204');
    expect(formatEta(1)).toBe('0:01');
    expect(formatEta(58)).toBe('0:58');
    expect(formatEta(3_725)).toBe('1:02:05');
    expect(formatEta(null)).toBe('');
  });

  it('draws progress bars and percents', () => {
    expect(progressBar(71, 100, 10)).toBe('███████░░░');
    expect(progressBar(0, 0, 4)).toBe('████');
    expect(percent(71, 100)).toBe('71%');
    expect(percent(999, 1000)).toBe('99%');
  });
});

describe('safe text', () => {
  it('replaces control and escape characters', () => {
    const hostile = 'evil\u001b[2Jname\u0007\r\n\u009b\u202e.txt';
    const safe = safeText(hostile);
    expect(safe).toBe(`evil\uFFFD[2Jname${'\uFFFD'.repeat(5)}.txt`);
  });

  it('fits text to an exact width, counting wide characters', () => {
    expect(fit('abc', 5)).toBe('abc  ');
    expect(fit('abc', 5, 'right')).toBe('  abc');
    expect(fit('abcdefgh', 5)).toBe('abcd…');
    expect(stringWidth(fit('日本語のファイル名.txt', 9))).toBe(9);
    expect(fit('x', 0)).toBe('');
  });

  it.each([5, 6, 7, 44, 45])(
    'fits wide characters to exactly %d columns, never one more',
    (width) => {
      // Given names of only wide characters, and one starting narrow
      const wide = '日本語のファイル名がとても長いのでここで切れるはずです.txt';
      for (const name of [wide, `a${wide}`]) {
        // When fitted, Then the cut text and its padding fill the width
        expect(stringWidth(fit(name, width))).toBe(width);
        expect(stringWidth(cut(name, width))).toBeLessThanOrEqual(width);
        expect(cut(name, width)).toMatch(/…$/);
      }
    },
  );

  it('cuts without padding, safely', () => {
    expect(cut('abc', 5)).toBe('abc');
    expect(cut('abcdefgh', 5)).toBe('abcd…');
    expect(cut('a\u001b[31mb', 20)).toBe('a\uFFFD[31mb');
    expect(cut('abc', 0)).toBe('');
  });
});

describe('windowRange', () => {
  it('draws everything when it fits', () => {
    expect(windowRange(5, 4, 10)).toEqual({ start: 0, end: 5 });
  });

  it('keeps the cursor in view, centred, within the list', () => {
    expect(windowRange(10_000, 0, 10)).toEqual({ start: 0, end: 10 });
    expect(windowRange(10_000, 5_000, 10)).toEqual({
      start: 4_995,
      end: 5_005,
    });
    expect(windowRange(10_000, 9_999, 10)).toEqual({
      start: 9_990,
      end: 10_000,
    });
  });
});

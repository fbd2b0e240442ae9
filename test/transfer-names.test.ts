import { dirname, join, resolve } from 'node:path';
import { sanitizeFileName } from '@ferry/peer-core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const DOWNLOADS = resolve('/srv/downloads');

/** Strings a hostile peer might send: paths, dots, controls, anything. */
const hostileName = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc
    .array(
      fc.constantFrom(
        '..',
        '.',
        '/',
        '\\',
        'a',
        'CON',
        'nul.txt',
        '\u0000',
        '\n',
        ' ',
        '\u202e',
        '\u2066',
        '\u200f',
        '\u061c',
        '😀',
      ),
      {
        maxLength: 20,
      },
    )
    .map((parts) => parts.join('')),
);

describe('sanitizeFileName', () => {
  it('always yields one safe name inside the download folder', () => {
    fc.assert(
      fc.property(hostileName, (name) => {
        const safe = sanitizeFileName(name);
        // a single, non-empty path component
        expect(safe.length).toBeGreaterThan(0);
        expect(safe).not.toMatch(/[/\\]/);
        expect(['.', '..']).not.toContain(safe);
        expect(dirname(join(DOWNLOADS, safe))).toBe(DOWNLOADS);
        // no control characters, no reserved device names, bounded length
        // eslint-disable-next-line no-control-regex
        expect(safe).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
        // no bidi controls, which would show the name in another order
        expect(safe).not.toMatch(
          /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/,
        );
        expect(safe).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i);
        expect(safe).not.toMatch(/[. ]$/);
        expect(Buffer.byteLength(safe)).toBeLessThanOrEqual(200);
        // and stable: a safe name stays as it is
        expect(sanitizeFileName(safe)).toBe(safe);
      }),
      { numRuns: 2_000 },
    );
  });

  it.each([
    ['Blue Danube Waltz.flac', 'Blue Danube Waltz.flac'],
    ['../../etc/passwd', '.._.._etc_passwd'],
    ['C:\\Windows\\evil.exe', 'C__Windows_evil.exe'],
    ['..', 'download'],
    ['', 'download'],
    ['CON', '_CON'],
    ['nul.txt', '_nul.txt'],
    ['tab\there', 'tab_here'],
    ['trailing dots...', 'trailing dots'],
    ['bidi\u202etxt.exe', 'bidi_txt.exe'],
    [
      '\u2067isolated\u2069 \u200emarks\u200f\u061c.txt',
      '_isolated_ _marks__.txt',
    ],
  ])('turns %j into %j', (name, expected) => {
    expect(sanitizeFileName(name)).toBe(expected);
  });

  it('keeps the extension when it shortens a long name', () => {
    const safe = sanitizeFileName(`${'é'.repeat(300)}.mkv`);
    expect(safe.endsWith('.mkv')).toBe(true);
    expect(Buffer.byteLength(safe)).toBeLessThanOrEqual(200);
  });
});

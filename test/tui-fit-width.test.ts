import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayWidth, fit } from '@ferry/tui';

/** Wide (CJK, emoji), combining and narrow characters, mixed. */
const piece = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('日', '本', '語', 'ｱ', '한', '😀', '👩‍👩‍👧', '🇫🇷', 'e\u0301'),
  fc.constantFrom('\u0301', '\u0308', '\u200d', '\ufe0f', '\u001b[31m', '\t'),
  fc.string({ unit: 'binary' }),
);

describe('fit', () => {
  it('never draws wider than the width it is given', () => {
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 30 }).map((parts) => parts.join('')),
        fc.integer({ min: 0, max: 60 }),
        fc.constantFrom<'left' | 'right'>('left', 'right'),
        (text, width, align) => {
          expect(displayWidth(fit(text, width, align))).toBeLessThanOrEqual(
            width,
          );
        },
      ),
      { numRuns: 2_000 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { formatEta } from './format.js';

describe('formatEta', () => {
  it.each([
    [null, '--'],
    [Number.POSITIVE_INFINITY, '--'],
    [0, '0s'],
    [44.2, '45s'],
    [65, '1m 05s'],
    [3599, '59m 59s'],
    [3600 * 2 + 3 * 60, '2h 03m'],
  ])('%s seconds show as %s', (seconds, text) => {
    expect(formatEta(seconds)).toBe(text);
  });
});

import { describe, expect, it } from 'vitest';
import { runLength } from './run-length.js';
import { DEFAULT_TUNING } from './transfer-types.js';

const MIB = 1024 * 1024;

describe('runLength', () => {
  it('starts a source with no measured speed at the minimum', () => {
    expect(runLength(0, MIB, DEFAULT_TUNING)).toBe(8);
  });

  it('asks each stream for about a second of the source’s speed', () => {
    expect(runLength(64 * MIB, MIB, DEFAULT_TUNING)).toBe(64);
    const twoStreams = { ...DEFAULT_TUNING, requestsPerSource: 2 };
    expect(runLength(64 * MIB, MIB, twoStreams)).toBe(32);
    expect(runLength(64 * MIB, MIB, { ...twoStreams, requestMs: 500 })).toBe(
      16,
    );
  });

  it('keeps a slow source at the minimum and a fast one at the maximum', () => {
    expect(runLength(1 * MIB, MIB, DEFAULT_TUNING)).toBe(8);
    expect(runLength(2_000 * MIB, MIB, DEFAULT_TUNING)).toBe(128);
  });
});

import { describe, expect, it } from 'vitest';
import { backoffMs, MAX_RETRY_MS } from './backoff.js';

describe('backoffMs', () => {
  it('starts from the interval and doubles after each further failure', () => {
    expect([0, 1, 2, 3, 4].map((n) => backoffMs(400, n))).toEqual([
      400, 400, 800, 1600, 3200,
    ]);
  });

  it('stops growing at the cap', () => {
    expect(backoffMs(400, 12)).toBe(MAX_RETRY_MS);
    expect(backoffMs(400, 1000)).toBe(MAX_RETRY_MS);
  });

  it('never waits less than the interval, even above the cap', () => {
    expect(backoffMs(45_000, 5)).toBe(45_000);
  });
});

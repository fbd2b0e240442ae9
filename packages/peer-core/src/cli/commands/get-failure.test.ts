import { describe, expect, it } from 'vitest';
import { PeerError, PeerErrorCode } from '../../errors.js';
import { getFailure } from './get-failure.js';

const STOPPED = new PeerError(
  PeerErrorCode.Cancelled,
  'download of a.bin stopped; its verified pieces are kept',
);
const NO_SOURCES = new PeerError(
  PeerErrorCode.NoSources,
  'a.bin: every source failed',
);

describe('getFailure', () => {
  it('a download the signal stopped reads "interrupted"', () => {
    // Given the signal came and the download ended CANCELLED
    // When get picks what to report
    const reported = getFailure(STOPPED, true);
    // Then it says interrupted and how to resume
    expect(reported).toBeInstanceOf(PeerError);
    expect((reported as PeerError).message).toBe(
      'interrupted; run the same command again to resume',
    );
  });

  it('a download that failed on its own keeps its reason despite a signal', () => {
    // Given every source failed, and a signal came while it was failing
    // When get picks what to report
    // Then the real reason is reported, not "interrupted"
    expect(getFailure(NO_SOURCES, true)).toBe(NO_SOURCES);
  });

  it.each([STOPPED, NO_SOURCES])(
    'without a signal the error is reported as it is (%s)',
    (error) => {
      expect(getFailure(error, false)).toBe(error);
    },
  );
});

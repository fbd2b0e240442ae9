import {
  download,
  PeerErrorCode,
  TransferEvent,
  TransferState,
  transferNote,
  type TransferProgress,
} from '@ferry/peer-core';
import { afterEach, describe, expect, it } from 'vitest';
import { TempDirs } from './helpers/peer-temp.js';

const temp = new TempDirs();
const SHA = 'ab'.repeat(32);

afterEach(() => temp.cleanup());

/** One failure as a progress event first showed it. */
interface SeenFailure {
  failures: number;
  /** When the source said it would be asked again (test clock). */
  retryAtMs: number;
  note: string | undefined;
}

describe('a source that fails while the download connects', () => {
  it('is asked again when its note says, not sooner', async () => {
    // Given a download whose only source refuses connections
    const transfer = download({
      sha256: SHA,
      sources: [{ host: '127.0.0.1', port: 1, label: 'refused' }],
      dir: await temp.make('ferry-out-'),
      name: 'never.bin',
      tuning: { maxSourceFailures: 4 },
    });
    const seen: SeenFailure[] = [];
    const firstSeenAt = new Map<number, number>();
    transfer.on(TransferEvent.Progress, (progress: TransferProgress) => {
      const now = Date.now();
      const source = progress.sources[0];
      if (source === undefined || firstSeenAt.has(source.failures)) return;
      firstSeenAt.set(source.failures, now);
      if (source.retryInMs === undefined) return;
      seen.push({
        failures: source.failures,
        retryAtMs: now + source.retryInMs,
        note: transferNote(progress),
      });
    });

    // When it runs until the source is dropped
    const failure = await transfer.done.catch((error: unknown) => error);
    const endedAt = Date.now();

    // Then it fails for want of sources, after every announced wait
    expect(failure).toMatchObject({ code: PeerErrorCode.NoSources });
    expect(transfer.state).toBe(TransferState.Failed);
    expect(seen.map((failure) => failure.failures)).toEqual([1, 2, 3]);
    for (const { failures, retryAtMs, note } of seen) {
      expect(note).toMatch(/^refused: .+; retrying in \d+ s$/);
      // The next attempt (and its failure) comes no sooner than announced
      const next = firstSeenAt.get(failures + 1) ?? endedAt;
      expect(next).toBeGreaterThanOrEqual(retryAtMs - 5);
    }
  }, 30_000);
});

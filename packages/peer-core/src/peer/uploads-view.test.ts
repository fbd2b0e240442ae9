import { describe, expect, it } from 'vitest';
import { UploadTracker } from '../server/upload-tracker.js';
import { TransferState } from './peer-client.js';
import { UploadsView } from './uploads-view.js';

const MiB = 1024 * 1024;
const SONG = { sha256: 'a'.repeat(64), name: 'song.flac', fileSize: 3 * MiB };

/** One request of `length` bytes from `offset`, sent whole and finished. */
function serve(
  tracker: UploadTracker,
  remote: string,
  offset: number,
  length: number,
  error?: string,
): void {
  const slot = tracker.acquire(
    { ...SONG, remote, offset, length },
    new AbortController().signal,
  );
  if ('refused' in slot) throw new Error(slot.refused);
  slot.sent(length);
  slot.finish(error);
}

describe('UploadsView', () => {
  it('shows the requests of one file to one downloader as one upload', () => {
    // Given a downloader that fetched a file in three ranges
    const tracker = new UploadTracker(4);
    const view = new UploadsView(tracker, () => undefined);
    serve(tracker, 'ipv4:127.0.0.1:5000', 0, MiB);
    serve(tracker, 'ipv4:127.0.0.1:5000', MiB, MiB);
    // And one still running
    const slot = tracker.acquire(
      { ...SONG, remote: 'ipv4:127.0.0.1:5000', offset: 2 * MiB, length: MiB },
      new AbortController().signal,
    );
    if ('refused' in slot) throw new Error(slot.refused);
    slot.sent(MiB / 2);
    // And another downloader that fetched one range, which failed
    serve(
      tracker,
      'ipv4:127.0.0.1:6000',
      0,
      MiB,
      'cancelled by the downloader',
    );
    // Then there is one upload per downloader, with the file's size
    const [first, second] = view.snapshots();
    expect(view.snapshots()).toHaveLength(2);
    expect(first).toMatchObject({
      remote: 'ipv4:127.0.0.1:5000',
      size: 3 * MiB,
      bytesDone: 2.5 * MiB,
      state: TransferState.Uploading,
    });
    expect(second).toMatchObject({
      remote: 'ipv4:127.0.0.1:6000',
      bytesDone: MiB,
      state: TransferState.Failed,
      error: 'cancelled by the downloader',
    });
    // And once the last range is sent, the first one is done
    slot.sent(MiB / 2);
    slot.finish();
    expect(view.snapshots()[0]).toMatchObject({
      bytesDone: 3 * MiB,
      state: TransferState.Done,
    });
    // And clearing finished uploads forgets both
    view.clearFinished();
    expect(view.snapshots()).toEqual([]);
    view.close();
  });
});

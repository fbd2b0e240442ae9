import type { QueuedDownload } from './queue-store.js';
import type { TransferState } from './peer-client.js';

/** What a running download reports. */
export interface DownloadProgress {
  state:
    | TransferState.Connecting
    | TransferState.Downloading
    | TransferState.Verifying;
  bytesDone: number;
  sources: number;
}

/** One running download, as the queue drives it. */
export interface DownloadJob {
  /** Resolves when the file is complete and verified; rejects otherwise. */
  readonly done: Promise<void>;
  /** Stops the download; `discard` also deletes what was fetched so far. */
  stop(discard: boolean): Promise<void>;
}

/** Starts one download of the queue. */
export type StartDownload = (
  item: QueuedDownload,
  onProgress: (progress: DownloadProgress) => void,
) => DownloadJob;

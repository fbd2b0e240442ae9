import type { TransferState } from './peer-client.js';
import type { QueuedDownload } from './queue-store.js';

/** What a running download reports. */
export interface DownloadProgress {
  state:
    | TransferState.Connecting
    | TransferState.Downloading
    | TransferState.Verifying;
  bytesDone: number;
  sources: number;
  /** Why it is not moving, while it is not (see `transferNote`). */
  note?: string;
}

/** One running download, as the queue drives it. */
export interface DownloadJob {
  /** Resolves when the file is complete and verified; rejects otherwise. */
  readonly done: Promise<void>;
  /**
   * Stops the download: `discard` deletes what was fetched; otherwise the
   * verified pieces are kept for a later `start` of the same item.
   * Resolves once its files are closed (and, with `discard`, deleted).
   */
  stop(discard: boolean): Promise<void>;
}

/** Runs the downloads of the queue. */
export interface DownloadRunner {
  start(
    item: QueuedDownload,
    onProgress: (progress: DownloadProgress) => void,
  ): DownloadJob;
  /**
   * Deletes what a stopped (not running) download had fetched, also when
   * it was stopped by an earlier run of the peer.
   */
  discard(item: QueuedDownload): Promise<void>;
  /** Ends every download, keeping verified pieces for a restart. */
  close(): Promise<void>;
}

import type { PeerError } from '../errors.js';
import type { TransferState } from '../peer/peer-client.js';
import type { ProtoGrpcType } from '../generated/peer.js';

/** A peer that has the file. */
export interface TransferSource {
  host: string;
  port: number;
  /** A name to show, e.g. the peer's username; "host:port" by default. */
  label?: string;
}

/** How one source is doing. */
export enum SourceState {
  /** Fetching data now. */
  Active = 'active',
  /** Nothing left to ask it for right now. */
  Idle = 'idle',
  /** Failed recently; retried after a pause. */
  Waiting = 'waiting',
  /** Given up: corrupt data, unknown file, or too many failures. */
  Dropped = 'dropped',
}

export interface SourceStats {
  label: string;
  /** "host:port". */
  address: string;
  state: SourceState;
  /** Verified bytes this source delivered in this process. */
  bytes: number;
  speedBps: number;
  /** Consecutive failures. */
  failures: number;
  /** The last failure, in words. */
  error?: string;
  /**
   * Active only: ms since data last came from it (or since the request
   * began); absent while its requests wait on the disk, not on it.
   */
  quietMs?: number;
  /** Waiting only: ms until it is asked again. */
  retryInMs?: number;
}

/** Everything a front end shows of a download. */
export interface TransferProgress {
  sha256: string;
  /** The sanitized name the file gets. */
  name: string;
  /** Total size; 0 until the manifest is known when not given. */
  size: number;
  /** Verified bytes on disk, including those of an earlier run. */
  bytesDone: number;
  /** Bytes verified in this process (less than `bytesDone` on a resume). */
  bytesFetched: number;
  /**
   * Verified bytes flushed to disk and recorded in `NAME.part.ferry`: what
   * a restart (even after a crash) would not fetch again.
   */
  bytesRecorded: number;
  speedBps: number;
  etaSeconds: number | null;
  state: TransferState;
  sources: SourceStats[];
  /**
   * True while another download (in this process or another, or one that
   * died and left its lock) holds the `.part` of this very file and this
   * one waits for it (up to `partLockWaitMs`).
   */
  waitingForPart?: boolean;
  /** The final path, once done. */
  path?: string;
  /** Why the download failed, once failed. */
  error?: string;
}

/** Names of the events a `Transfer` emits. */
export enum TransferEvent {
  /** Periodic (every `progressIntervalMs`) and on every state change. */
  Progress = 'progress',
  State = 'state',
  /** The file is complete, verified and renamed; gives its path. */
  Done = 'done',
  /** The download failed or was cancelled. */
  Failed = 'failed',
}

export interface TransferEvents {
  [TransferEvent.Progress]: [progress: TransferProgress];
  [TransferEvent.State]: [state: TransferState];
  [TransferEvent.Done]: [path: string];
  [TransferEvent.Failed]: [error: PeerError];
}

/** What `download()` needs. */
export interface DownloadOptions {
  /** SHA-256 of the whole file, 64 lowercase hex characters. */
  sha256: string;
  sources: TransferSource[];
  /** The download folder; created if missing. */
  dir: string;
  /** The wanted file name; sanitized before use. */
  name: string;
  /** The size the directory announced; a manifest must agree. */
  size?: number;
  /** The pieces root the directory announced; a manifest must agree. */
  piecesRoot?: string;
  /**
   * Asked for fresh sources when every source failed, before giving up
   * (at most `maxRefreshes` times).
   */
  refreshSources?: () => Promise<TransferSource[]>;
  /** Tuning; the defaults suit real use. */
  tuning?: Partial<TransferTuning>;
  /** A loaded proto, shared between connections. */
  proto?: ProtoGrpcType;
}

export interface TransferTuning {
  /**
   * Concurrent requests per source (1). With requests sized to the
   * source's speed a second one added no speed, only memory (gRPC reads
   * ahead per stream) and pieces out of order.
   */
  requestsPerSource: number;
  /**
   * Pieces per request: at least `piecesPerRequest` (8), at most
   * `maxPiecesPerRequest` (128), otherwise about `requestMs` (1 s) of the
   * source's measured speed. Every new gRPC stream cost the downloader a
   * full garbage collection here, so a fast source gets long requests; a
   * slow one keeps short ones, so it never holds much of the end of a file.
   */
  piecesPerRequest: number;
  maxPiecesPerRequest: number;
  requestMs: number;
  /** A source that sends nothing this long has failed (15 s). */
  stallTimeoutMs: number;
  /** Consecutive failures before a source is dropped (3). */
  maxSourceFailures: number;
  /** `refreshSources` calls before giving up (3). */
  maxRefreshes: number;
  /** Progress event interval (250 ms). */
  progressIntervalMs: number;
  /** How often verified pieces are flushed and recorded (500 ms). */
  recordIntervalMs: number;
  /**
   * Pieces waiting for the writer before reading pauses (8): the slots of
   * memory shared with the writer thread, so also the bytes a download
   * holds for writing.
   */
  maxPendingWrites: number;
  /**
   * Write whole pieces with `O_DIRECT`, around the page cache (true): it
   * costs the kernel far less CPU than buffered writes. Where the file
   * system refuses it, the download falls back to ordinary writes.
   */
  directIo: boolean;
  /**
   * How long a download waits for its `.part` while another download
   * holds it (12 s) before it fails with `ALREADY_DOWNLOADING`: longer than
   * a dead process's lock lasts (`PART_LOCK_STALE_MS`, 10 s).
   */
  partLockWaitMs: number;
}

export const DEFAULT_TUNING: TransferTuning = {
  requestsPerSource: 1,
  piecesPerRequest: 8,
  maxPiecesPerRequest: 128,
  requestMs: 1_000,
  stallTimeoutMs: 15_000,
  maxSourceFailures: 3,
  maxRefreshes: 3,
  progressIntervalMs: 250,
  recordIntervalMs: 500,
  maxPendingWrites: 8,
  directIo: true,
  partLockWaitMs: 12_000,
};

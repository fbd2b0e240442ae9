import {
  UploadEvent,
  type UploadSnapshot,
  type UploadTracker,
} from '../server/upload-tracker.js';
import { etaSeconds } from './eta.js';
import { TransferState, type TransferSnapshot } from './peer-client.js';

/** Finished uploads kept for display, newest last. */
const KEEP_FINISHED = 20;

/**
 * One file sent to one downloader: its requests (a download asks for one
 * range after another, on one connection) shown as a single upload.
 */
interface UploadRow {
  /** The id of its first request. */
  id: string;
  remote: string;
  sha256: string;
  name: string;
  fileSize: number;
  /** Bytes its finished requests sent. */
  sentBefore: number;
  /** Why its last finished request ended badly, if it did. */
  error?: string;
}

/** What its running requests add to a row. */
interface Running {
  sent: number;
  left: number;
  speedBps: number;
}

/**
 * The uploads this peer serves, as `TransferSnapshot`s: one per file and
 * downloader, running while any of its requests runs, and the last few
 * finished ones.
 */
export class UploadsView {
  /** Rows by `keyOf`, in the order they started. */
  readonly #rows = new Map<string, UploadRow>();
  readonly #detach: () => void;

  constructor(
    private readonly tracker: UploadTracker,
    onChange: () => void,
  ) {
    const started = (upload: UploadSnapshot) => {
      this.#rowOf(upload);
      onChange();
    };
    const finished = (upload: UploadSnapshot) => {
      const row = this.#rowOf(upload);
      row.sentBefore += upload.bytesSent;
      if (upload.error === undefined) delete row.error;
      else row.error = upload.error;
      this.#forgetOldest();
      onChange();
    };
    tracker.on(UploadEvent.Started, started);
    tracker.on(UploadEvent.Progress, onChange);
    tracker.on(UploadEvent.Finished, finished);
    this.#detach = () => {
      tracker.off(UploadEvent.Started, started);
      tracker.off(UploadEvent.Progress, onChange);
      tracker.off(UploadEvent.Finished, finished);
    };
  }

  /** True while an upload runs. */
  get active(): boolean {
    return this.tracker.activeCount > 0;
  }

  snapshots(): TransferSnapshot[] {
    const running = this.#running();
    return [...this.#rows].map(([key, row]) =>
      toTransfer(row, running.get(key)),
    );
  }

  /** Forgets the finished uploads kept for display. */
  clearFinished(): void {
    const running = this.#running();
    for (const key of this.#rows.keys()) {
      if (!running.has(key)) this.#rows.delete(key);
    }
  }

  speedBps(): number {
    return this.tracker
      .snapshot()
      .reduce((sum, upload) => sum + upload.speedBps, 0);
  }

  close(): void {
    this.#detach();
  }

  #rowOf(upload: UploadSnapshot): UploadRow {
    const key = keyOf(upload);
    let row = this.#rows.get(key);
    if (row === undefined) {
      row = {
        id: upload.id,
        remote: upload.remote,
        sha256: upload.sha256,
        name: upload.name,
        fileSize: upload.fileSize,
        sentBefore: 0,
      };
      this.#rows.set(key, row);
    }
    return row;
  }

  /** The running requests' bytes and speed, summed per row. */
  #running(): Map<string, Running> {
    const running = new Map<string, Running>();
    for (const upload of this.tracker.snapshot()) {
      const key = keyOf(upload);
      const sum = running.get(key) ?? { sent: 0, left: 0, speedBps: 0 };
      sum.sent += upload.bytesSent;
      sum.left += upload.length - upload.bytesSent;
      sum.speedBps += upload.speedBps;
      running.set(key, sum);
    }
    return running;
  }

  /** Keeps at most `KEEP_FINISHED` finished rows, dropping the oldest. */
  #forgetOldest(): void {
    const running = this.#running();
    const finished = [...this.#rows.keys()].filter((key) => !running.has(key));
    for (const key of finished.slice(0, -KEEP_FINISHED)) this.#rows.delete(key);
  }
}

function keyOf(upload: UploadSnapshot): string {
  return `${upload.remote} ${upload.sha256}`;
}

function toTransfer(row: UploadRow, running?: Running): TransferSnapshot {
  const speedBps = Math.round(running?.speedBps ?? 0);
  const transfer: TransferSnapshot = {
    id: row.id,
    direction: 'up',
    name: row.name,
    sha256: row.sha256,
    size: row.fileSize,
    bytesDone: Math.min(row.fileSize, row.sentBefore + (running?.sent ?? 0)),
    speedBps,
    etaSeconds:
      running === undefined ? null : etaSeconds(running.left, speedBps),
    sources: 1,
    remote: row.remote,
    state:
      running !== undefined
        ? TransferState.Uploading
        : row.error === undefined
          ? TransferState.Done
          : TransferState.Failed,
  };
  if (running === undefined && row.error !== undefined) {
    transfer.error = row.error;
  }
  return transfer;
}

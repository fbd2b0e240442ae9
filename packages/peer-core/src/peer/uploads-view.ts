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
 * The uploads this peer serves, as `TransferSnapshot`s: running ones from
 * the server's tracker, plus the last few finished ones.
 */
export class UploadsView {
  #finished: TransferSnapshot[] = [];
  readonly #detach: () => void;

  constructor(
    private readonly tracker: UploadTracker,
    onChange: () => void,
  ) {
    const finished = (upload: UploadSnapshot) => {
      this.#finished = [...this.#finished, toTransfer(upload, true)].slice(
        -KEEP_FINISHED,
      );
      onChange();
    };
    tracker.on(UploadEvent.Started, onChange);
    tracker.on(UploadEvent.Progress, onChange);
    tracker.on(UploadEvent.Finished, finished);
    this.#detach = () => {
      tracker.off(UploadEvent.Started, onChange);
      tracker.off(UploadEvent.Progress, onChange);
      tracker.off(UploadEvent.Finished, finished);
    };
  }

  /** True while an upload runs. */
  get active(): boolean {
    return this.tracker.activeCount > 0;
  }

  snapshots(): TransferSnapshot[] {
    const running = this.tracker.snapshot().map((u) => toTransfer(u, false));
    return [...this.#finished, ...running];
  }

  /** Forgets the finished uploads kept for display. */
  clearFinished(): void {
    this.#finished = [];
  }

  speedBps(): number {
    return this.tracker
      .snapshot()
      .reduce((sum, upload) => sum + upload.speedBps, 0);
  }

  close(): void {
    this.#detach();
  }
}

function toTransfer(upload: UploadSnapshot, ended: boolean): TransferSnapshot {
  const speedBps = ended ? 0 : Math.round(upload.speedBps);
  const transfer: TransferSnapshot = {
    id: upload.id,
    direction: 'up',
    name: upload.name,
    sha256: upload.sha256,
    size: upload.length,
    bytesDone: upload.bytesSent,
    speedBps,
    etaSeconds: ended
      ? null
      : etaSeconds(upload.length - upload.bytesSent, speedBps),
    sources: 1,
    remote: upload.remote,
    state: !ended
      ? TransferState.Uploading
      : upload.error === undefined
        ? TransferState.Done
        : TransferState.Failed,
  };
  if (upload.error !== undefined) transfer.error = upload.error;
  return transfer;
}

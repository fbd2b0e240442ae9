import { getErrorMessage, PeerError, PeerErrorCode } from '../errors.js';
import type {
  DownloadJob,
  DownloadProgress,
  DownloadRunner,
} from './download-job.js';
import { TransferState, type TransferSnapshot } from './peer-client.js';
import type { QueueStore, QueuedDownload } from './queue-store.js';
import { SpeedMeter } from '../transfer/speed-meter.js';
import { etaSeconds } from './eta.js';

/** Downloads running at once unless told otherwise. */
export const DEFAULT_MAX_ACTIVE_DOWNLOADS = 3;

interface Active {
  job: DownloadJob;
  meter: SpeedMeter;
  sources: number;
  /** Why it is not moving, from its last progress report. */
  note?: string;
  /** Set when pause or cancel stopped the job, so its end is not a failure. */
  stoppedAs?: TransferState;
}

/** States a download ends in; `clearFinished` forgets these. */
const FINISHED = new Set<TransferState>([
  TransferState.Done,
  TransferState.Cancelled,
  TransferState.Failed,
]);

/** Why a duplicate found in the saved queue was not started. */
const TWIN = 'the same file was already queued into this folder';

const RUNNING = new Set<TransferState>([
  TransferState.Connecting,
  TransferState.Downloading,
  TransferState.Verifying,
]);

/**
 * The download queue: at most `maxActive` downloads run, the rest wait in
 * order; pause, resume, cancel, retry and reorder. Every change is saved in
 * the local database, so after a restart `restore()` continues unfinished
 * downloads (their verified pieces are kept by the engine). A file is never
 * downloaded twice at once into one folder: both would write the same
 * `.part` file.
 */
export class TransferQueue {
  readonly #items = new Map<string, QueuedDownload>();
  readonly #active = new Map<string, Active>();
  /** Stops and discards still closing or deleting a download's files. */
  readonly #settling = new Map<string, Promise<void>>();
  #closed = false;

  constructor(
    private readonly store: QueueStore,
    private readonly runner: DownloadRunner,
    private readonly onChange: () => void,
    private readonly maxActive = DEFAULT_MAX_ACTIVE_DOWNLOADS,
  ) {}

  /** Loads the saved queue; downloads that were running wait again. */
  restore(): void {
    for (const item of this.store.list()) {
      const state = RUNNING.has(item.state) ? TransferState.Queued : item.state;
      const restored = { ...item, state };
      this.#items.set(item.id, restored);
      // A duplicate saved by a version that allowed them must not run too.
      if (this.#twinOf(restored) !== undefined) {
        this.#save(restored, { state: TransferState.Failed, error: TWIN });
      }
    }
    this.#changed();
    this.#pump();
  }

  /**
   * Queues a download of `file` into `dir` and returns its id. When that
   * file is already queued, running or paused into `dir`, nothing new is
   * queued and the id of that download is returned.
   */
  enqueue(
    file: { sha256: string; name: string; size: number },
    dir: string,
  ): string {
    const twin = this.#twinOf({ id: '', ...file, dir });
    if (twin !== undefined) return twin.id;
    const item = this.store.add({
      id: `d-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
      ...file,
      dir,
      state: TransferState.Queued,
      bytesDone: 0,
      createdMs: Date.now(),
    });
    this.#items.set(item.id, item);
    this.#changed();
    this.#pump();
    return item.id;
  }

  pause(id: string): void {
    this.#halt(id, TransferState.Paused, [TransferState.Queued]);
  }

  cancel(id: string): void {
    this.#halt(id, TransferState.Cancelled, [
      TransferState.Queued,
      TransferState.Paused,
    ]);
  }

  resume(id: string): void {
    this.#requeue(id, [TransferState.Paused]);
  }

  retry(id: string): void {
    this.#requeue(id, [TransferState.Failed, TransferState.Cancelled]);
  }

  /** Moves a download to `index` of the queue order. */
  move(id: string, index: number): void {
    if (!this.#items.has(id)) return;
    this.store.move(id, index);
    for (const item of this.store.list()) {
      const held = this.#items.get(item.id);
      if (held !== undefined) held.position = item.position;
    }
    this.#changed();
  }

  /** Forgets every done, cancelled and failed download (files stay). */
  clearFinished(): void {
    const ids = [...this.#items.values()]
      .filter((item) => FINISHED.has(item.state) && !this.#active.has(item.id))
      .map((item) => item.id);
    if (ids.length === 0) return;
    this.store.remove(ids);
    for (const id of ids) this.#items.delete(id);
    this.#changed();
  }

  /** Every download in queue order, with speed and ETA. */
  snapshots(): TransferSnapshot[] {
    return this.#ordered().map((item) => this.#snapshot(item));
  }

  /** Total download speed, bytes per second. */
  speedBps(): number {
    let total = 0;
    for (const active of this.#active.values())
      total += active.meter.bytesPerSecond();
    return total;
  }

  /** Stops every running download, keeping its pieces for a restart. */
  async close(): Promise<void> {
    this.#closed = true;
    const running = [...this.#active.values()];
    for (const active of running) active.stoppedAs = TransferState.Queued;
    await Promise.all(running.map((active) => active.job.stop(false)));
    await this.runner.close();
  }

  #halt(id: string, state: TransferState, idle: TransferState[]): void {
    const item = this.#items.get(id);
    const active = this.#active.get(id);
    if (item === undefined) return;
    if (active !== undefined) {
      active.stoppedAs = state;
      this.#settle(item, active.job.stop(state === TransferState.Cancelled));
      return;
    }
    if (!idle.includes(item.state)) return;
    if (state === TransferState.Cancelled) {
      this.#settle(item, this.runner.discard(item));
    }
    this.#save(item, { state, error: undefined });
  }

  #requeue(id: string, from: TransferState[]): void {
    const item = this.#items.get(id);
    if (item === undefined || !from.includes(item.state)) return;
    if (this.#twinOf(item) !== undefined) {
      throw new PeerError(
        PeerErrorCode.InvalidInput,
        `already downloading ${item.name}`,
      );
    }
    this.#save(item, { state: TransferState.Queued, error: undefined });
    this.#pump();
  }

  #pump(): void {
    if (this.#closed) return;
    for (const item of this.#ordered()) {
      if (this.#active.size >= this.maxActive) return;
      if (item.state === TransferState.Queued && !this.#busy(item)) {
        this.#run(item);
      }
    }
  }

  /** Remembers a stop or discard under way; the queue moves on after it. */
  #settle(item: QueuedDownload, work: Promise<void>): void {
    const settled: Promise<void> = work
      .catch(() => undefined)
      .then(() => {
        if (this.#settling.get(item.id) === settled) {
          this.#settling.delete(item.id);
        }
        this.#pump();
      });
    this.#settling.set(item.id, settled);
  }

  /**
   * Whether a download of the same file into the same folder is running or
   * still closing or deleting its `.part` file, which `item` would share.
   */
  #busy(item: QueuedDownload): boolean {
    for (const other of this.#items.values()) {
      if (
        other.sha256 === item.sha256 &&
        other.dir === item.dir &&
        (this.#active.has(other.id) || this.#settling.has(other.id))
      ) {
        return true;
      }
    }
    return false;
  }

  #run(item: QueuedDownload): void {
    this.#save(item, { state: TransferState.Connecting });
    const tracking: Pick<Active, 'meter' | 'sources' | 'note'> = {
      meter: new SpeedMeter(),
      sources: 0,
    };
    const job = this.runner.start(item, (progress) =>
      this.#progress(item, tracking, progress),
    );
    const active: Active = Object.assign(tracking, { job });
    this.#active.set(item.id, active);
    job.done.then(
      () =>
        this.#ended(item, active, {
          state: TransferState.Done,
          bytesDone: item.size,
        }),
      (error: unknown) =>
        this.#ended(item, active, this.#failure(active, error)),
    );
  }

  #failure(active: Active, error: unknown): Partial<QueuedDownload> {
    if (active.stoppedAs !== undefined) return { state: active.stoppedAs };
    return { state: TransferState.Failed, error: getErrorMessage(error) };
  }

  #progress(
    item: QueuedDownload,
    active: Pick<Active, 'meter' | 'sources' | 'note'>,
    progress: DownloadProgress,
  ): void {
    if (progress.bytesDone > item.bytesDone) {
      active.meter.add(progress.bytesDone - item.bytesDone);
    }
    active.sources = progress.sources;
    active.note = progress.note;
    item.bytesDone = progress.bytesDone;
    if (item.state !== progress.state)
      this.#save(item, { state: progress.state });
    else this.#changed();
  }

  #ended(
    item: QueuedDownload,
    active: Active,
    change: Partial<QueuedDownload>,
  ): void {
    if (this.#active.get(item.id) === active) this.#active.delete(item.id);
    if (this.#closed) return;
    this.#save(item, change);
    this.#pump();
  }

  #save(item: QueuedDownload, change: Partial<QueuedDownload>): void {
    Object.assign(item, change);
    if (change.error === undefined) delete item.error;
    this.store.update(item.id, item);
    this.#changed();
  }

  #snapshot(item: QueuedDownload): TransferSnapshot {
    const active = this.#active.get(item.id);
    const speedBps = Math.round(active?.meter.bytesPerSecond() ?? 0);
    const snapshot: TransferSnapshot = {
      id: item.id,
      direction: 'down',
      name: item.name,
      sha256: item.sha256,
      size: item.size,
      bytesDone: item.bytesDone,
      speedBps,
      etaSeconds: active
        ? etaSeconds(item.size - item.bytesDone, speedBps)
        : null,
      sources: active?.sources ?? 0,
      state: item.state,
    };
    if (item.error !== undefined) snapshot.error = item.error;
    if (active?.note !== undefined && RUNNING.has(item.state)) {
      snapshot.note = active.note;
    }
    return snapshot;
  }

  /**
   * Another download of the same file into the same folder that is not
   * finished (queued, running or paused), if there is one.
   */
  #twinOf(
    item: Pick<QueuedDownload, 'id' | 'sha256' | 'dir'>,
  ): QueuedDownload | undefined {
    for (const other of this.#items.values()) {
      if (
        other.id !== item.id &&
        other.sha256 === item.sha256 &&
        other.dir === item.dir &&
        !FINISHED.has(other.state)
      ) {
        return other;
      }
    }
    return undefined;
  }

  #ordered(): QueuedDownload[] {
    return [...this.#items.values()].sort((a, b) => a.position - b.position);
  }

  #changed(): void {
    if (!this.#closed) this.onChange();
  }
}

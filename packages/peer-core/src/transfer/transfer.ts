import { EventEmitter, setMaxListeners } from 'node:events';
import { rm } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { getErrorMessage, PeerError, PeerErrorCode } from '../errors.js';
import type { FileManifest } from '../grpc/peer-types.js';
import { TransferState } from '../peer/peer-client.js';
import { loadPeerProto } from '../proto/load.js';
import { isSha256Hex } from '../share/pieces.js';
import { checkManifest } from './check-manifest.js';
import type { FetchContext } from './fetch-run.js';
import { runLane } from './fetch-lane.js';
import type { SourceHandle } from './source-handle.js';
import { SourceSet } from './source-set.js';
import { finalizeDownload } from './finalize-download.js';
import { bytesOfPieces, preparePart, type Prepared } from './prepare-part.js';
import { removePartFiles } from './part-record.js';
import { PieceWriter } from './piece-writer.js';
import { sanitizeFileName } from './sanitize-name.js';
import { SpeedMeter } from './speed-meter.js';
import {
  DEFAULT_TUNING,
  TransferEvent,
  type DownloadOptions,
  type TransferEvents,
  type TransferProgress,
  type TransferTuning,
} from './transfer-types.js';

const TERMINAL = new Set([
  TransferState.Done,
  TransferState.Failed,
  TransferState.Cancelled,
]);

/**
 * One verified multi-source download (see `download()`). Emits
 * `TransferEvent`s; `done` resolves with the final path or rejects with a
 * `PeerError` (`NO_SOURCES`, `INTEGRITY_ERROR`, `IO`, `CANCELLED`).
 */
export class Transfer extends EventEmitter<TransferEvents> {
  readonly sha256: string;
  /** The sanitized file name. */
  readonly name: string;
  /** Resolves with the final path; rejects with a `PeerError`. */
  readonly done: Promise<string>;
  readonly #options: DownloadOptions;
  readonly #tuning: TransferTuning;
  readonly #meter = new SpeedMeter();
  readonly #sources: SourceSet;
  #prepared: Prepared | undefined;
  #state = TransferState.Connecting;
  #session = new AbortController();
  /** Aborted by `stop()` and `cancel()`: ends a wait for the `.part`. */
  readonly #ended = new AbortController();
  #waitingForPart = false;
  #paused = false;
  #cancelled = false;
  #stopped = false;
  /**
   * Set once the download failed (or was stopped) and its ending is under
   * way: how it ends is decided, and a later `cancel()` or `stop()` leaves
   * it so.
   */
  #ending = false;
  /**
   * Set when something outside the fetch ends the download (lock lost, the
   * disk refused a write) before a `cancel()` or `stop()`: that is how it
   * ends, and a later `cancel()` or `stop()` leaves it so.
   */
  #interruption: PeerError | undefined;
  #wakeUp: (() => void) | undefined;
  #bytesDone = 0;
  #bytesFetched = 0;
  #bytesRecorded = 0;
  #refreshes = 0;
  #path: string | undefined;
  #error: string | undefined;
  #settle!: { resolve(path: string): void; reject(error: PeerError): void };

  constructor(options: DownloadOptions) {
    super();
    if (!isSha256Hex(options.sha256)) {
      throw new PeerError(
        PeerErrorCode.InvalidInput,
        'sha256 must be 64 lowercase hex characters',
      );
    }
    if (options.sources.length === 0 && options.refreshSources === undefined) {
      throw new PeerError(
        PeerErrorCode.InvalidInput,
        'a download needs at least one source',
      );
    }
    this.sha256 = options.sha256;
    this.name = sanitizeFileName(options.name);
    this.#options = options;
    this.#tuning = { ...DEFAULT_TUNING, ...options.tuning };
    this.#sources = new SourceSet(
      this.#tuning.maxSourceFailures,
      options.proto ?? loadPeerProto(),
    );
    this.#sources.add(options.sources);
    this.done = new Promise((resolve, reject) => {
      this.#settle = { resolve, reject };
    });
    this.done.catch(() => undefined);
  }

  get state(): TransferState {
    return this.#state;
  }

  /** A snapshot of the download for a front end. */
  progress(): TransferProgress {
    const now = Date.now();
    const size = this.#prepared?.manifest.size ?? this.#options.size ?? 0;
    const speedBps =
      this.#state === TransferState.Downloading
        ? this.#meter.bytesPerSecond(now)
        : 0;
    const progress: TransferProgress = {
      sha256: this.sha256,
      name: this.name,
      size,
      bytesDone: this.#bytesDone,
      bytesFetched: this.#bytesFetched,
      bytesRecorded: this.#bytesRecorded,
      speedBps,
      etaSeconds: speedBps > 0 ? (size - this.#bytesDone) / speedBps : null,
      state: this.#state,
      sources: this.#sources.stats(now),
    };
    if (this.#waitingForPart) progress.waitingForPart = true;
    if (this.#path !== undefined) progress.path = this.#path;
    if (this.#error !== undefined) progress.error = this.#error;
    return progress;
  }

  /** Starts the download; called once by `download()`. */
  start(): void {
    const ticker = setInterval(
      () => this.#emitProgress(),
      this.#tuning.progressIntervalMs,
    );
    ticker.unref();
    this.#run()
      .then((path) => this.#settle.resolve(path))
      .catch((error: unknown) => this.#settle.reject(toTransferError(error)))
      .finally(() => {
        clearInterval(ticker);
        this.#sources.close();
      });
  }

  /** Stops fetching and keeps what is verified; `resume()` continues. */
  pause(): void {
    if (
      this.#paused ||
      TERMINAL.has(this.#state) ||
      this.#state === TransferState.Verifying
    )
      return;
    this.#paused = true;
    this.#session.abort();
    this.#setState(TransferState.Paused);
  }

  resume(): void {
    if (!this.#paused || TERMINAL.has(this.#state)) return;
    this.#paused = false;
    this.#setState(
      this.#prepared ? TransferState.Downloading : TransferState.Connecting,
    );
    this.#wakeUp?.();
  }

  /** Stops the download and deletes its partial file. */
  async cancel(): Promise<void> {
    if (TERMINAL.has(this.#state)) return;
    if (!this.#ending && this.#interruption === undefined) {
      this.#cancelled = true;
      this.#endNow();
    }
    await this.done.catch(() => undefined);
  }

  /**
   * Ends the download but keeps its verified pieces (record flushed, writer
   * closed), so a later download of the same file resumes; `done` rejects
   * with `CANCELLED`. For a peer that shuts down.
   */
  async stop(): Promise<void> {
    if (TERMINAL.has(this.#state)) return;
    if (!this.#ending && this.#interruption === undefined) {
      this.#stopped = true;
      this.#endNow();
    }
    await this.done.catch(() => undefined);
  }

  #endNow(): void {
    this.#session.abort();
    this.#ended.abort();
    this.#wakeUp?.();
  }

  async #run(): Promise<string> {
    const writer = PieceWriter.start((failure) => {
      if (!this.#cancelled && !this.#stopped) {
        this.#interrupt(toTransferError(failure));
      }
    });
    try {
      const manifest = await this.#fetchManifest();
      this.#prepared = await this.#prepare(manifest, writer);
      if (!this.#paused) this.#setState(TransferState.Downloading);
      await this.#downloadAll(this.#prepared);
      this.#setState(TransferState.Verifying);
      this.#path = await this.#verifyAndRename(this.#prepared);
      this.#setState(TransferState.Done);
      this.emit(TransferEvent.Done, this.#path);
      return this.#path;
    } catch (error) {
      this.#ending = true;
      const failure =
        this.#interruption ??
        (this.#cancelled || this.#stopped
          ? this.#endedError()
          : toTransferError(error));
      await this.#cleanUp(failure, writer);
      this.#error = failure.message;
      this.#setState(
        this.#cancelled
          ? TransferState.Cancelled
          : this.#stopped
            ? TransferState.Paused
            : TransferState.Failed,
      );
      this.emit(TransferEvent.Failed, failure);
      throw failure;
    } finally {
      await this.#prepared?.placement.release();
    }
  }

  async #fetchManifest(): Promise<FileManifest> {
    for (;;) {
      for (const source of this.#sources.live()) {
        this.#throwIfCancelled();
        if (source.retryInMs() > 0) continue;
        const manifest = await this.#manifestFrom(source);
        if (manifest !== undefined) return manifest;
      }
      await this.#whenSourcesAgain();
    }
  }

  /** One source's manifest, or undefined once it failed (and is marked). */
  async #manifestFrom(source: SourceHandle): Promise<FileManifest | undefined> {
    source.setActive(true);
    try {
      const manifest = checkManifest(
        await source.connection.getManifest(this.sha256),
        this.#options,
      );
      source.setActive(false);
      return manifest;
    } catch (error) {
      source.setActive(false);
      source.failed(error);
      return undefined;
    }
  }

  async #prepare(
    manifest: FileManifest,
    writer: PieceWriter,
  ): Promise<Prepared> {
    const prepared = await preparePart({
      dir: this.#options.dir,
      name: this.name,
      manifest,
      writer,
      tuning: this.#tuning,
      lockWait: {
        signal: this.#ended.signal,
        onWait: () => {
          this.#waitingForPart = true;
          this.#emitProgress();
        },
      },
      onLockLost: (error) =>
        this.#interrupt(
          new PeerError(
            PeerErrorCode.AlreadyDownloading,
            `${this.name}: lost the lock on its partial file (${error.message}); another download may be writing it`,
            { cause: error },
          ),
        ),
      onRecorded: (bytes) => {
        this.#bytesRecorded = bytes;
      },
    }).finally(() => {
      this.#waitingForPart = false;
    });
    this.#bytesDone += bytesOfPieces(prepared.queue.doneIndexes(), manifest);
    return prepared;
  }

  async #downloadAll(prepared: Prepared): Promise<void> {
    const verified = (): number[] => prepared.queue.doneIndexes();
    const timer = setInterval(
      () => prepared.recorder.tick(verified),
      this.#tuning.recordIntervalMs,
    );
    try {
      while (!prepared.queue.complete) {
        await this.#whenResumed();
        this.#session = new AbortController();
        // every request of every source listens to it
        setMaxListeners(0, this.#session.signal);
        const live = this.#sources.live();
        if (live.length === 0) {
          await this.#whenSourcesAgain();
          continue;
        }
        const context = this.#fetchContext(prepared, this.#session.signal);
        await Promise.all(this.#lanesOf(live, context));
        this.#throwIfCancelled();
        if (prepared.writer.failure) throw prepared.writer.failure;
        if (this.#paused) await prepared.recorder.flush(verified);
      }
    } finally {
      clearInterval(timer);
    }
  }

  /** Request slots of every source, interleaved so each starts early. */
  #lanesOf(live: SourceHandle[], context: FetchContext): Promise<void>[] {
    const perSource = this.#tuning.requestsPerSource;
    const lanes = live.length * perSource;
    return Array.from({ length: lanes }, (_, i) =>
      runLane(live[i % live.length] as SourceHandle, context, lanes),
    );
  }

  #fetchContext(prepared: Prepared, signal: AbortSignal): FetchContext {
    return {
      ...prepared,
      tuning: this.#tuning,
      signal,
      onPiece: (index, bytes, source) => {
        if (!prepared.queue.markDone(index)) return;
        source.delivered(bytes);
        this.#meter.add(bytes);
        this.#bytesDone += bytes;
        this.#bytesFetched += bytes;
      },
    };
  }

  /** Waits while paused; throws once cancelled. */
  async #whenResumed(): Promise<void> {
    while (this.#paused && !this.#cancelled && !this.#stopped) {
      await new Promise<void>((resolve) => {
        this.#wakeUp = resolve;
      });
    }
    this.#throwIfCancelled();
  }

  /**
   * No source can be asked now: wait until the first failed one may be
   * asked again, or, once every source is dropped, ask for fresh ones or
   * give up.
   */
  async #whenSourcesAgain(): Promise<void> {
    this.#throwIfCancelled();
    const live = this.#sources.live();
    if (live.length > 0) {
      const waitMs = Math.min(...live.map((source) => source.retryInMs()));
      await sleep(waitMs, undefined, { signal: this.#session.signal }).catch(
        () => undefined,
      );
      return;
    }
    const refresh = this.#options.refreshSources;
    if (refresh === undefined || this.#refreshes >= this.#tuning.maxRefreshes) {
      throw new PeerError(
        PeerErrorCode.NoSources,
        `no source could deliver ${this.name}: ${this.#sources.describeFailures()}`,
      );
    }
    this.#refreshes += 1;
    await sleep(1_000, undefined, { signal: this.#session.signal }).catch(
      () => undefined,
    );
    this.#throwIfCancelled();
    this.#sources.add(await refresh());
  }

  async #verifyAndRename(prepared: Prepared): Promise<string> {
    const digest = await prepared.writer.finish();
    await prepared.writer.close();
    if (digest !== this.sha256) {
      await removePartFiles(prepared.placement.partPath);
      throw new PeerError(
        PeerErrorCode.IntegrityError,
        `${this.name} failed its final SHA-256 check and was discarded`,
      );
    }
    const path = await finalizeDownload(
      prepared.placement.partPath,
      this.#options.dir,
      this.name,
    );
    await rm(prepared.placement.recordPath, { force: true });
    return path;
  }

  async #cleanUp(failure: PeerError, writer: PieceWriter): Promise<void> {
    const prepared = this.#prepared;
    const keep =
      !this.#cancelled && failure.code !== PeerErrorCode.IntegrityError;
    if (prepared !== undefined && keep) {
      await prepared.recorder.flush(() => prepared.queue.doneIndexes());
    }
    await writer.close();
    if (prepared !== undefined && this.#cancelled) {
      await removePartFiles(prepared.placement.partPath);
    }
  }

  #throwIfCancelled(): void {
    if (this.#interruption !== undefined) throw this.#interruption;
    if (this.#cancelled || this.#stopped) throw this.#endedError();
  }

  /**
   * Ends the download with `failure` (another download took its `.part`
   * over, or the disk refused a write), unless it already ended: every
   * request stops now instead of when its source next sends.
   */
  #interrupt(failure: PeerError): void {
    if (TERMINAL.has(this.#state) || this.#interruption !== undefined) return;
    this.#interruption = failure;
    this.#session.abort();
    this.#wakeUp?.();
  }

  #endedError(): PeerError {
    return new PeerError(
      PeerErrorCode.Cancelled,
      this.#cancelled
        ? `download of ${this.name} cancelled`
        : `download of ${this.name} stopped; its verified pieces are kept`,
    );
  }

  #setState(state: TransferState): void {
    if (this.#state === state) return;
    this.#state = state;
    this.emit(TransferEvent.State, state);
    this.#emitProgress();
  }

  #emitProgress(): void {
    this.emit(TransferEvent.Progress, this.progress());
  }
}

function toTransferError(error: unknown): PeerError {
  if (error instanceof PeerError) return error;
  return new PeerError(
    PeerErrorCode.Io,
    `download failed: ${getErrorMessage(error)}`,
    { cause: error },
  );
}

/**
 * Starts a verified multi-source download of `options.sha256` into
 * `options.dir` and returns its `Transfer` at once. Throws
 * `PeerError(INVALID_INPUT)` for a malformed hash or no sources.
 */
export function download(options: DownloadOptions): Transfer {
  const transfer = new Transfer(options);
  transfer.start();
  return transfer;
}

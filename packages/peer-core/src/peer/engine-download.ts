import type { Logger } from 'pino';
import { PeerError, PeerErrorCode } from '../errors.js';
import { download, type Transfer } from '../transfer/transfer.js';
import { transferNote } from '../transfer/transfer-note.js';
import {
  SourceState,
  TransferEvent,
  type TransferProgress,
  type TransferSource,
} from '../transfer/transfer-types.js';
import type { DirectorySession } from './directory-session.js';
import { discardPartFiles } from './discard-parts.js';
import type {
  DownloadJob,
  DownloadProgress,
  DownloadRunner,
} from './download-job.js';
import { TransferState } from './peer-client.js';
import type { QueuedDownload } from './queue-store.js';

const REPORTED = new Set<TransferState>([
  TransferState.Connecting,
  TransferState.Downloading,
  TransferState.Verifying,
]);

/** Online sources of a file as the directory lists them, ourselves left out. */
export async function findSources(
  session: DirectorySession,
  sha256: string,
): Promise<{ sources: TransferSource[]; piecesRoot?: string }> {
  const reply = await session.call((token) =>
    session.client.sources(token, sha256),
  );
  const sources = reply.sources
    .filter((source) => source.username !== session.username)
    .map(({ host, port, username }) => ({ host, port, label: username }));
  return reply.piecesRoot === null
    ? { sources }
    : { sources, piecesRoot: reply.piecesRoot };
}

/** A job's stop: whether it came, and `halted`, which rejects when it does. */
interface JobControl {
  stopped: boolean;
  discard: boolean;
  halted: Promise<never>;
}

/**
 * Runs queued downloads on the transfer engine: sources come from the
 * directory, and again from the directory when every source failed. A
 * paused download keeps its `Transfer` (and verified pieces) and continues
 * where it stopped when started again; `close` ends every transfer, keeping
 * its verified pieces on disk for the next run.
 */
export class EngineDownloads implements DownloadRunner {
  readonly #parked = new Map<string, Transfer>();
  readonly #running = new Map<string, Transfer>();

  constructor(
    private readonly session: DirectorySession,
    private readonly logger: Logger,
  ) {}

  start(
    item: QueuedDownload,
    onProgress: (progress: DownloadProgress) => void,
  ): DownloadJob {
    let halt: ((error: PeerError) => void) | undefined;
    const halted = new Promise<never>((_resolve, reject) => {
      halt = reject;
    });
    halted.catch(() => undefined);
    const control: JobControl = { stopped: false, discard: false, halted };
    const run = this.#run(item, control, onProgress);
    const done = Promise.race([run, halted]);
    return {
      done,
      stop: async (discard) => {
        Object.assign(control, { stopped: true, discard });
        halt?.(new PeerError(PeerErrorCode.Cancelled, 'stopped'));
        await this.#stop(item.id, discard, done);
        // A transfer begun after the stop deletes its files as it ends.
        if (discard) await run.catch(() => undefined);
      },
    };
  }

  async discard(item: QueuedDownload): Promise<void> {
    const parked = this.#parked.get(item.id);
    this.#parked.delete(item.id);
    if (parked !== undefined) await parked.cancel();
    else await discardPartFiles(item);
  }

  async close(): Promise<void> {
    const transfers = [...this.#running.values(), ...this.#parked.values()];
    this.#running.clear();
    this.#parked.clear();
    await Promise.all(transfers.map((transfer) => transfer.stop()));
  }

  async #run(
    item: QueuedDownload,
    control: JobControl,
    onProgress: (progress: DownloadProgress) => void,
  ): Promise<void> {
    const transfer = this.#parked.get(item.id) ?? (await this.#begin(item));
    this.#parked.delete(item.id);
    this.#running.set(item.id, transfer);
    if (control.stopped) {
      await this.#stop(item.id, control.discard, Promise.resolve());
      return;
    }
    const report = (progress: TransferProgress) => {
      if (!REPORTED.has(progress.state)) return;
      const reported: DownloadProgress = {
        state: progress.state as DownloadProgress['state'],
        bytesDone: progress.bytesDone,
        sources: progress.sources.filter((s) => s.state !== SourceState.Dropped)
          .length,
      };
      const note = transferNote(progress);
      if (note !== undefined) reported.note = note;
      onProgress(reported);
    };
    transfer.on(TransferEvent.Progress, report);
    transfer.resume();
    try {
      // A stopped job lets go of its transfer at once: a paused one is
      // parked, its `done` unsettled, and its next job reports its progress.
      const path = await Promise.race([transfer.done, control.halted]);
      this.logger.info({ sha256: item.sha256, path }, 'download complete');
    } finally {
      transfer.off(TransferEvent.Progress, report);
      if (!control.stopped && this.#running.get(item.id) === transfer)
        this.#running.delete(item.id);
    }
  }

  async #begin(item: QueuedDownload): Promise<Transfer> {
    const refresh = async () =>
      (await findSources(this.session, item.sha256)).sources;
    const found = await findSources(this.session, item.sha256);
    return download({
      sha256: item.sha256,
      sources: found.sources,
      dir: item.dir,
      name: item.name,
      size: item.size,
      piecesRoot: found.piecesRoot,
      refreshSources: refresh,
    });
  }

  async #stop(
    id: string,
    discard: boolean,
    done: Promise<void>,
  ): Promise<void> {
    await done.catch(() => undefined);
    const transfer = this.#running.get(id) ?? this.#parked.get(id);
    this.#running.delete(id);
    this.#parked.delete(id);
    if (transfer === undefined) return;
    if (discard) {
      await transfer.cancel();
      return;
    }
    transfer.pause();
    this.#parked.set(id, transfer);
  }
}

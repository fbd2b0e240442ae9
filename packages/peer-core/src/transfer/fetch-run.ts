import { PeerError, PeerErrorCode } from '../errors.js';
import type { FileManifest } from '../grpc/peer-types.js';
import { pieceLength } from '../share/pieces.js';
import { ChunkSplitter, type PiecePart } from './chunk-splitter.js';
import type { PieceQueue } from './piece-queue.js';
import type { PieceSlot, PieceWriter } from './piece-writer.js';
import type { SourceHandle } from './source-handle.js';
import type { TransferTuning } from './transfer-types.js';

/** What fetching needs to know about the download. */
export interface FetchContext {
  manifest: FileManifest;
  writer: PieceWriter;
  queue: PieceQueue;
  tuning: TransferTuning;
  /** Aborted on pause or cancel. */
  signal: AbortSignal;
  /** A piece was verified and written. */
  onPiece(index: number, bytes: number, source: SourceHandle): void;
}

/**
 * Fetches a run of consecutive pieces from one source in one `Download`
 * call and hands each piece to the writer as it completes. Resolves once
 * the stream has ended, with `written`, a promise of the run's writes:
 * the error of the first piece that failed (a corrupt piece is an
 * `INTEGRITY_ERROR`), or undefined once every piece is verified and
 * written. The source can meanwhile be asked for its next run, so it does
 * not sit idle while the writer catches up. Throws (after the writes settle) when the call
 * fails, stalls for `stallTimeoutMs`, ends early, or a piece fails
 * verification before the stream ended; pieces verified before that count.
 */
export async function fetchRun(
  source: SourceHandle,
  run: number[],
  context: FetchContext,
): Promise<{ written: Promise<Error | undefined> }> {
  const { manifest } = context;
  const first = run[0] ?? 0;
  const last = run.at(-1) ?? first;
  const start = first * manifest.pieceSize;
  const end =
    start +
    (last - first) * manifest.pieceSize +
    pieceLength(last, manifest.size, manifest.pieceSize);
  const stall = new StallGuard(
    context.tuning.stallTimeoutMs,
    context.signal,
    source,
  );
  const writes: Promise<Error | undefined>[] = [];
  const written = async (): Promise<Error | undefined> =>
    (await Promise.all(writes)).find((error) => error !== undefined);
  try {
    await receiveRange(source, { start, end }, context, stall, writes);
  } catch (error) {
    const streamError = stall.stalled
      ? new PeerError(PeerErrorCode.PeerUnreachable, `${source.label} stalled`)
      : asError(error);
    throw (await written()) ?? streamError;
  } finally {
    stall.stop();
  }
  return { written: written() };
}

async function receiveRange(
  source: SourceHandle,
  range: { start: number; end: number },
  context: FetchContext,
  stall: StallGuard,
  writes: Promise<Error | undefined>[],
): Promise<void> {
  const { manifest, writer } = context;
  const splitter = new ChunkSplitter(
    manifest.size,
    manifest.pieceSize,
    range.start,
    range.end,
  );
  const chunks = source.connection.download(
    manifest.sha256,
    range.start,
    range.end - range.start,
    {
      deadlineMs: 30_000 + ((range.end - range.start) / 65_536) * 1_000,
      signal: stall.signal,
    },
  );
  let piece: PieceSlot | undefined;
  try {
    for await (const chunk of chunks) {
      stall.resume();
      for (const part of splitter.push(chunk)) {
        if (piece === undefined) {
          stall.pause();
          piece = await writer.reserve();
          stall.resume();
        }
        piece.bytes.set(part.data, part.at);
        if (part.at + part.data.length === part.pieceLength) {
          writes.push(writePiece(part, piece, source, context, stall));
          piece = undefined;
        }
      }
    }
  } finally {
    if (piece !== undefined) writer.release(piece);
  }
  if (!splitter.complete) throw new Error('the stream ended early');
}

/** Writes a piece; resolves with the error (never rejects). */
async function writePiece(
  { index, pieceLength: length }: PiecePart,
  piece: PieceSlot,
  source: SourceHandle,
  context: FetchContext,
  stall: StallGuard,
): Promise<Error | undefined> {
  try {
    if (!(await context.writer.write(index, piece, length))) {
      stall.abort();
      return new PeerError(
        PeerErrorCode.IntegrityError,
        `${source.label} sent a corrupt piece ${index}`,
      );
    }
    context.onPiece(index, length, source);
    return undefined;
  } catch (error) {
    stall.abort();
    return asError(error);
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Aborts a request when no data came for a while (or the parent aborts),
 * and tells its source when data last came, for `SourceStats.quietMs`.
 */
class StallGuard {
  readonly #controller = new AbortController();
  readonly #timeoutMs: number;
  readonly #parent: AbortSignal;
  readonly #source: SourceHandle;
  readonly #onParentAbort = (): void => this.#controller.abort();
  #timer: NodeJS.Timeout | undefined;
  stalled = false;

  constructor(timeoutMs: number, parent: AbortSignal, source: SourceHandle) {
    this.#timeoutMs = timeoutMs;
    this.#parent = parent;
    this.#source = source;
    parent.addEventListener('abort', this.#onParentAbort, { once: true });
    if (parent.aborted) this.#controller.abort();
    this.resume();
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** The request waits for the disk, not for its source. */
  pause(): void {
    clearTimeout(this.#timer);
    this.#source.unheard();
  }

  resume(): void {
    clearTimeout(this.#timer);
    this.#source.heard();
    this.#timer = setTimeout(() => {
      this.stalled = true;
      this.#controller.abort();
    }, this.#timeoutMs);
  }

  /** Ends the request now (its source sent something bad). */
  abort(): void {
    clearTimeout(this.#timer);
    this.#controller.abort();
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#parent.removeEventListener('abort', this.#onParentAbort);
  }
}

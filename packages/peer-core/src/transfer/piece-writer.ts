import { open, type FileHandle } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { getErrorMessage, PeerError, PeerErrorCode } from '../errors.js';
import { workerExecArgv } from '../share/worker-exec-argv.js';
import type {
  PieceWriterInit,
  PieceWriterReply,
  PieceWriterRequest,
} from './piece-writer-protocol.js';

type Request = PieceWriterRequest extends infer R
  ? R extends PieceWriterRequest
    ? Omit<R, 'id'>
    : never
  : never;

interface Pending {
  resolve(reply: PieceWriterReply & { ok: true }): void;
  reject(error: Error): void;
}

/**
 * The receiving thread's side of a download's piece-writer worker: hands
 * pieces over without copying when it can, and tells how many are waiting
 * so the receiver can stop reading from the network when the disk or the
 * hashing falls behind.
 */
export class PieceWriter {
  readonly #worker: Worker;
  readonly #syncHandle: FileHandle;
  readonly #pending = new Map<number, Pending>();
  readonly #drained: (() => void)[] = [];
  #nextId = 1;
  #failure: Error | undefined;
  #closed = false;

  private constructor(init: PieceWriterInit, syncHandle: FileHandle) {
    this.#syncHandle = syncHandle;
    this.#worker = new Worker(
      new URL('./piece-writer-worker.js', import.meta.url),
      {
        workerData: init,
        execArgv: workerExecArgv(),
      },
    );
    this.#worker.on('message', (reply: PieceWriterReply) =>
      this.#settle(reply),
    );
    this.#worker.on('error', (error) => this.#fail(error));
    this.#worker.on('exit', () =>
      this.#fail(new Error('piece writer stopped')),
    );
  }

  /** Creates the `.part` file (sized `size`) if needed and starts a worker. */
  static async open(init: PieceWriterInit): Promise<PieceWriter> {
    const handle = await open(init.partPath, 'a');
    try {
      if ((await handle.stat()).size !== init.size) {
        await handle.truncate(init.size);
      }
    } catch (error) {
      await handle.close();
      throw error;
    }
    return new PieceWriter(init, handle);
  }

  /** Why the writer stopped working (disk error, worker crash), if it did. */
  get failure(): Error | undefined {
    return this.#closed ? undefined : this.#failure;
  }

  /** Pieces handed over and not yet written. */
  get pending(): number {
    return this.#pending.size;
  }

  /** Resolves once at most `limit` requests are pending. */
  async whenBelow(limit: number): Promise<void> {
    while (this.#pending.size > limit && this.#failure === undefined) {
      await new Promise<void>((resolve) => this.#drained.push(resolve));
    }
  }

  /** Verifies and writes piece `index`; false when its hash is wrong. */
  async write(
    index: number,
    data: Uint8Array,
    expected: Buffer,
  ): Promise<boolean> {
    const movable = ownsWholeBuffer(data) ? data : new Uint8Array(data);
    try {
      await this.#call({ type: 'piece', index, data: movable, expected }, [
        movable.buffer as ArrayBuffer,
      ]);
      return true;
    } catch (error) {
      if (
        error instanceof PeerError &&
        error.code === PeerErrorCode.IntegrityError
      )
        return false;
      throw error;
    }
  }

  /**
   * Resolves when every piece acknowledged so far is on the disk. Runs on
   * libuv's thread pool, so the worker keeps writing meanwhile.
   */
  async sync(): Promise<void> {
    await this.#syncHandle.datasync();
  }

  /** The whole-file SHA-256; every piece must have been written. */
  async finish(): Promise<string> {
    const reply = await this.#call({ type: 'finish' });
    return reply.sha256 ?? '';
  }

  /** Closes the file and stops the worker. */
  async close(): Promise<void> {
    if (this.#failure === undefined)
      await this.#call({ type: 'close' }).catch(() => undefined);
    this.#closed = true;
    this.#failure ??= new PeerError(
      PeerErrorCode.Cancelled,
      'piece writer closed',
    );
    await this.#worker.terminate();
    await this.#syncHandle.close().catch(() => undefined);
  }

  #call(
    request: Request,
    transfer: ArrayBuffer[] = [],
  ): Promise<PieceWriterReply & { ok: true }> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ ...request, id }, transfer);
    });
  }

  #settle(reply: PieceWriterReply): void {
    const pending = this.#pending.get(reply.id);
    this.#pending.delete(reply.id);
    if (reply.ok) pending?.resolve(reply);
    else
      pending?.reject(
        new PeerError(
          reply.corrupt ? PeerErrorCode.IntegrityError : PeerErrorCode.Io,
          reply.error,
        ),
      );
    for (const wake of this.#drained.splice(0)) wake();
  }

  #fail(error: Error): void {
    this.#failure ??= new PeerError(
      PeerErrorCode.Io,
      `cannot write the download: ${getErrorMessage(error)}`,
      { cause: error },
    );
    for (const pending of this.#pending.values()) pending.reject(this.#failure);
    this.#pending.clear();
    for (const wake of this.#drained.splice(0)) wake();
  }
}

/**
 * True when `data` is the only view of a buffer that is not Node's shared
 * small-buffer pool, so its memory can be moved to the worker.
 */
function ownsWholeBuffer(data: Uint8Array): boolean {
  return (
    data.byteLength >= 64 * 1024 &&
    data.buffer instanceof ArrayBuffer &&
    data.buffer.byteLength - data.byteLength <= 4096
  );
}

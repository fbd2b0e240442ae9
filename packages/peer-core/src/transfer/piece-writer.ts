import { open, type FileHandle } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { getErrorMessage, PeerError, PeerErrorCode } from '../errors.js';
import { pieceCount } from '../share/pieces.js';
import { workerExecArgv } from '../share/worker-exec-argv.js';
import { sharedAlignedMemory } from './page-aligned-memory.js';
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

/** A slot of the writer's shared memory, lent out by `reserve`. */
export interface PieceSlot {
  readonly slot: number;
  /** The slot's memory, one piece long. */
  readonly bytes: Uint8Array;
}

interface Pending {
  resolve(reply: PieceWriterReply & { ok: true }): void;
  reject(error: Error): void;
}

/**
 * The receiving thread's side of a download's piece-writer worker. It
 * lends out slots of memory shared with the worker; the receiver copies
 * network data straight into a slot (so network buffers die young, on the
 * thread that made them, and the memory a download holds for writing is
 * fixed) and stops reading from the network while every slot is taken,
 * that is while the disk or the hashing falls behind. The worker gets the
 * file and the piece hashes once, in its first request; a piece request
 * names only the piece and its slot.
 */
export class PieceWriter {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  readonly #freeSlots: number[] = [];
  readonly #slotWaiters: (() => void)[] = [];
  #syncHandle: FileHandle | undefined;
  #slots = new SharedArrayBuffer(0);
  #pieceSize = 0;
  #nextId = 1;
  #failure: Error | undefined;
  #closed = false;
  readonly #onFailure: ((failure: Error) => void) | undefined;

  private constructor(onFailure?: (failure: Error) => void) {
    this.#onFailure = onFailure;
    this.#worker = new Worker(
      new URL('./piece-writer-worker.js', import.meta.url),
      { execArgv: workerExecArgv() },
    );
    this.#worker.on('message', (reply: PieceWriterReply) =>
      this.#settle(reply),
    );
    this.#worker.on('error', (error) => this.#fail(error));
    this.#worker.on('exit', () =>
      this.#fail(new Error('piece writer stopped')),
    );
  }

  /**
   * Starts the worker thread, before the download knows its file: a
   * thread takes ~70 ms to start, which then overlaps fetching the
   * manifest. `open` gives it the file; `close` stops it. `onFailure`
   * hears the writer fail (a disk error, the worker crashed) when it does,
   * before any call waiting on it rejects; never after `close`.
   */
  static start(onFailure?: (failure: Error) => void): PieceWriter {
    return new PieceWriter(onFailure);
  }

  /**
   * Creates the `.part` file (sized `size`) if needed and hands it to the
   * worker, with `slotCount` piece slots (fewer if the file has fewer
   * pieces). The worker opens the file in the background; if it cannot,
   * the writer fails and so does every write.
   */
  async open(
    init: Omit<PieceWriterInit, 'slots'>,
    slotCount: number,
  ): Promise<void> {
    const handle = await open(init.partPath, 'a');
    try {
      if ((await handle.stat()).size !== init.size) {
        await handle.truncate(init.size);
      }
    } catch (error) {
      await handle.close();
      throw error;
    }
    this.#syncHandle = handle;
    const count = Math.min(slotCount, pieceCount(init.size, init.pieceSize));
    this.#slots = sharedAlignedMemory(count * init.pieceSize);
    this.#pieceSize = init.pieceSize;
    for (let slot = count - 1; slot >= 0; slot--) this.#freeSlots.push(slot);
    this.#call({ type: 'init', init: { ...init, slots: this.#slots } }).catch(
      (error: unknown) => this.#fail(error),
    );
  }

  /** Why the writer stopped working (disk error, worker crash), if it did. */
  get failure(): Error | undefined {
    return this.#closed ? undefined : this.#failure;
  }

  /**
   * Waits for a free slot and lends it: the caller copies a piece into
   * `bytes`, then hands it back with `write` (or `release` if the piece
   * never came whole). Throws once the writer has failed.
   */
  async reserve(): Promise<PieceSlot> {
    while (this.#freeSlots.length === 0 && this.#failure === undefined) {
      await new Promise<void>((resolve) => this.#slotWaiters.push(resolve));
    }
    const slot = this.#freeSlots.pop();
    if (slot === undefined) throw this.#failure ?? new Error('no free slot');
    const offset = slot * this.#pieceSize;
    return {
      slot,
      bytes: new Uint8Array(this.#slots, offset, this.#pieceSize),
    };
  }

  /** Gives back a reserved slot that holds nothing to write. */
  release(reserved: PieceSlot): void {
    this.#freeSlots.push(reserved.slot);
    this.#slotWaiters.shift()?.();
  }

  /**
   * Verifies and writes piece `index`, the first `length` bytes of a
   * reserved slot, and frees the slot; false when its hash is wrong.
   */
  async write(
    index: number,
    reserved: PieceSlot,
    length: number,
  ): Promise<boolean> {
    try {
      await this.#call({ type: 'piece', index, slot: reserved.slot, length });
      return true;
    } catch (error) {
      if (
        error instanceof PeerError &&
        error.code === PeerErrorCode.IntegrityError
      )
        return false;
      throw error;
    } finally {
      this.release(reserved);
    }
  }

  /**
   * Resolves when every piece acknowledged so far is on the disk. Runs on
   * libuv's thread pool, so the worker keeps writing meanwhile.
   */
  async sync(): Promise<void> {
    await this.#syncHandle?.datasync();
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
    await this.#syncHandle?.close().catch(() => undefined);
  }

  #call(request: Request): Promise<PieceWriterReply & { ok: true }> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ ...request, id });
    });
  }

  #settle(reply: PieceWriterReply): void {
    const pending = this.#pending.get(reply.id);
    this.#pending.delete(reply.id);
    if (reply.ok) pending?.resolve(reply);
    else if (reply.corrupt) {
      pending?.reject(new PeerError(PeerErrorCode.IntegrityError, reply.error));
    } else {
      // The disk refused (full, a file size limit, an I/O error): that is
      // the download's failure, not the source's, and every write after
      // it would fail the same way.
      pending?.reject(this.#fail(new Error(reply.error)));
    }
  }

  /** Fails the writer (the first failure stays) and every call waiting. */
  #fail(error: unknown): Error {
    const first = this.#failure === undefined;
    const failure = (this.#failure ??= new PeerError(
      PeerErrorCode.Io,
      `cannot write the download: ${getErrorMessage(error)}`,
      { cause: error },
    ));
    if (first) this.#onFailure?.(failure);
    for (const pending of this.#pending.values()) pending.reject(failure);
    this.#pending.clear();
    for (const wake of this.#slotWaiters.splice(0)) wake();
    return failure;
  }
}

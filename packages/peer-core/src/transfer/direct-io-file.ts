import {
  closeSync,
  constants,
  fdatasyncSync,
  openSync,
  read,
  write,
} from 'node:fs';
import { promisify } from 'node:util';

const readOnPool = promisify(read);
const writeOnPool = promisify(write);

/**
 * What `O_DIRECT` needs aligned: the memory, the file offset and the
 * length. A page covers the block size of every common disk.
 */
export const DIRECT_IO_ALIGNMENT = 4096;

/** A read or a write on libuv's thread pool; resolves to the bytes moved. */
type Transfer = (
  fd: number,
  buffer: Uint8Array,
  offset: number,
  length: number,
  position: number,
) => Promise<number>;

const readBytes: Transfer = async (...args) =>
  (await readOnPool(...args)).bytesRead;
const writeBytes: Transfer = async (...args) =>
  (await writeOnPool(...args)).bytesWritten;

/**
 * An existing file read and written around the page cache where it can
 * be: aligned blocks go through an `O_DIRECT` descriptor, anything else
 * (a file's short last piece) through an ordinary one.
 *
 * A download is written once and not read again soon, and copying it into
 * the page cache is not free: on this machine class a buffered write of
 * 1 GiB cost ~1.5 s of kernel CPU, an `O_DIRECT` one ~0.2 s (`dd`). Where
 * the file system or the memory refuses `O_DIRECT` (EINVAL: some file
 * systems, unaligned memory), the file falls back to ordinary I/O for
 * good. Callers `sync` before they rely on the bytes being on the disk,
 * as with buffered writes.
 */
export class DirectIoFile {
  readonly #path: string;
  readonly #fd: number;
  readonly #directFd: number | undefined;
  /** False once the direct descriptor refused a transfer (EINVAL). */
  #useDirect: boolean;

  /** Opens `path` (which must exist) for reading and writing. */
  constructor(path: string, options: { direct: boolean }) {
    this.#path = path;
    this.#fd = openSync(path, 'r+');
    this.#directFd = options.direct ? openDirect(path) : undefined;
    this.#useDirect = this.#directFd !== undefined;
  }

  /** Whether aligned blocks still bypass the page cache. */
  get direct(): boolean {
    return this.#useDirect;
  }

  /**
   * Writes all of `data` at `position`. Reads and writes run on libuv's
   * thread pool, so the calling thread goes on meanwhile (several may run
   * at once); do not close the file while one runs.
   */
  write(data: Uint8Array, position: number): Promise<void> {
    return this.#transfer(writeBytes, data, position);
  }

  /** Fills `buffer` from `position`; rejects if the file ends first. */
  read(buffer: Uint8Array, position: number): Promise<void> {
    return this.#transfer(readBytes, buffer, position);
  }

  /** Flushes every write (either descriptor's) to the disk. */
  sync(): void {
    fdatasyncSync(this.#fd);
  }

  close(): void {
    if (this.#directFd !== undefined) closeSync(this.#directFd);
    closeSync(this.#fd);
  }

  async #transfer(
    transfer: Transfer,
    buffer: Uint8Array,
    position: number,
  ): Promise<void> {
    for (let done = 0; done < buffer.length;) {
      const fd = this.#descriptorFor(buffer, done, position);
      let moved: number;
      try {
        moved = await transfer(
          fd,
          buffer,
          done,
          buffer.length - done,
          position + done,
        );
      } catch (error) {
        // The direct descriptor refused (EINVAL): ordinary I/O from now on.
        if (fd !== this.#directFd || !isInvalidArgument(error)) throw error;
        this.#useDirect = false;
        continue;
      }
      if (moved === 0) {
        throw new Error(
          `${this.#path} is shorter than expected (it ends at byte ${position + done})`,
        );
      }
      done += moved;
    }
  }

  /**
   * The descriptor for the rest of `buffer` from `done`, which goes at
   * `position + done` in the file: the direct one if the memory, the
   * position and the length are aligned (the memory's offset counts from
   * the start of its buffer, assumed page-aligned; if it is not, the first
   * transfer fails with EINVAL and direct I/O stops).
   */
  #descriptorFor(buffer: Uint8Array, done: number, position: number): number {
    const aligned =
      (buffer.byteOffset + done) % DIRECT_IO_ALIGNMENT === 0 &&
      (position + done) % DIRECT_IO_ALIGNMENT === 0 &&
      (buffer.length - done) % DIRECT_IO_ALIGNMENT === 0;
    return aligned && this.#useDirect ? (this.#directFd ?? this.#fd) : this.#fd;
  }
}

/**
 * An `O_DIRECT` descriptor, or undefined where the file system has none
 * (EINVAL on Linux; whatever the error, the ordinary descriptor is open).
 */
function openDirect(path: string): number | undefined {
  // Linux only: macOS and Windows have no O_DIRECT flag.
  if (constants.O_DIRECT === undefined) return undefined;
  try {
    return openSync(path, constants.O_RDWR | constants.O_DIRECT);
  } catch {
    return undefined;
  }
}

function isInvalidArgument(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'EINVAL';
}

import type { Piscina } from 'piscina';
import { requireOnUse } from '../grpc/load-on-use.js';
import type { FileHashes } from './pieces.js';
import { piecesRootOf } from './pieces.js';
import { workerExecArgv } from './worker-exec-argv.js';
import type { HashFileResult, HashFileTask } from './hash-file.js';

/** A file's hashes and the size and mtime they belong to. */
export interface HashedFile extends FileHashes {
  size: number;
  mtimeMs: number;
}

/**
 * Hashes files on a worker thread (one by default), so the calling thread
 * keeps serving. One instance per process is enough; `close()` stops it.
 */
export class FileHasher {
  readonly #pool: Piscina<HashFileTask, HashFileResult>;

  constructor(options: { threads?: number } = {}) {
    const pool = requireOnUse('piscina') as { Piscina: typeof Piscina };
    this.#pool = new pool.Piscina({
      filename: new URL('./hash-worker.js', import.meta.url).href,
      minThreads: 0,
      maxThreads: options.threads ?? 1,
      idleTimeout: 5_000,
      execArgv: workerExecArgv(),
    });
  }

  /** Hashes the file at `path` in one read. Rejects on an I/O error. */
  async hash(path: string, pieceSize: number): Promise<HashedFile> {
    const result = await this.#pool.run(
      { path, pieceSize },
      { name: 'hashFile' },
    );
    const pieceHashes = Buffer.from(
      result.pieceHashes.buffer,
      result.pieceHashes.byteOffset,
      result.pieceHashes.byteLength,
    );
    return {
      size: result.size,
      mtimeMs: result.mtimeMs,
      sha256: result.sha256,
      pieceSize,
      pieceHashes,
      piecesRoot: piecesRootOf(pieceHashes),
    };
  }

  async close(): Promise<void> {
    await this.#pool.destroy();
  }
}

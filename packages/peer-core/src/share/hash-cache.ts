import type { LocalDb } from '../store/local-db.js';
import type { HashedFile } from './file-hasher.js';

interface Row {
  path: string;
  size: number;
  mtime_ms: number;
  sha256: string;
  pieces_root: string;
  piece_size: number;
  piece_hashes: Buffer;
}

/** A cached file: its path relative to the share root and its hashes. */
export interface CachedFile extends HashedFile {
  path: string;
}

/**
 * The hash cache in the local database, keyed by (relative path, size,
 * mtime): a file whose size and mtime did not change is not read again.
 * It holds one share folder's files: opened for another folder, it starts
 * empty (the same relative paths there are other files). A cache from
 * before it recorded its folder is taken to be this one's.
 */
export class HashCache {
  readonly #db: LocalDb;

  /** The cache of the share at `root` (an absolute, resolved path). */
  constructor(db: LocalDb, root: string) {
    this.#db = db;
    db.transaction(() => {
      const kept = db.prepare('SELECT root FROM share_root').get() as
        { root: string } | undefined;
      if (kept?.root === root) return;
      if (kept !== undefined) db.prepare('DELETE FROM share_files').run();
      db.prepare(
        'INSERT OR REPLACE INTO share_root (id, root) VALUES (1, ?)',
      ).run(root);
    })();
  }

  /** Every cached file, keyed by relative path. */
  all(): Map<string, CachedFile> {
    const rows = this.#db.prepare('SELECT * FROM share_files').all() as Row[];
    return new Map(rows.map((row) => [row.path, fromRow(row)]));
  }

  /** Stores (or replaces) the hashes of `file`. */
  put(file: CachedFile): void {
    this.#db
      .prepare(
        `INSERT OR REPLACE INTO share_files
           (path, size, mtime_ms, sha256, pieces_root, piece_size, piece_hashes)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        file.path,
        file.size,
        file.mtimeMs,
        file.sha256,
        file.piecesRoot,
        file.pieceSize,
        file.pieceHashes,
      );
  }

  /** Forgets the given relative paths. */
  remove(paths: Iterable<string>): void {
    const statement = this.#db.prepare(
      'DELETE FROM share_files WHERE path = ?',
    );
    this.#db.transaction(() => {
      for (const path of paths) statement.run(path);
    })();
  }
}

function fromRow(row: Row): CachedFile {
  return {
    path: row.path,
    size: row.size,
    mtimeMs: row.mtime_ms,
    sha256: row.sha256,
    piecesRoot: row.pieces_root,
    pieceSize: row.piece_size,
    pieceHashes: row.piece_hashes,
  };
}

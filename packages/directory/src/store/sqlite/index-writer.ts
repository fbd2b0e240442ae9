import type { Database, Statement } from 'better-sqlite3';
import type { FileEntry } from '../../api/index.js';
import { IndexTooLargeError, type IndexTotals } from '../store.js';
import { SCORE_UNIT, nameScore } from './name-score.js';

/** A stored index entry, as the writer compares it with a new one. */
interface StoredFile {
  id: number;
  path: string;
  nameId: number;
  name: string;
  sha256: Buffer;
  size: number;
  piecesRoot: Buffer;
  mtimeMs: number;
}

interface StoredFileRow {
  id: number;
  path: string;
  name_id: number;
  name: string;
  sha256: Buffer;
  size: number;
  pieces_root: Buffer;
  mtime_ms: number;
}

/** Lower-case extension of a file name without the dot, or null. */
export function extensionOf(name: string): string | null {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || dot === name.length - 1) return null;
  const ext = name.slice(dot + 1).toLowerCase();
  return ext.length <= 16 && /^[\p{L}\p{N}_-]+$/u.test(ext) ? ext : null;
}

function toStored(row: StoredFileRow): StoredFile {
  return {
    id: row.id,
    path: row.path,
    nameId: row.name_id,
    name: row.name,
    sha256: row.sha256,
    size: row.size,
    piecesRoot: row.pieces_root,
    mtimeMs: row.mtime_ms,
  };
}

function sameEntry(stored: StoredFile, entry: FileEntry): boolean {
  return (
    stored.name === entry.name &&
    stored.size === entry.size &&
    stored.mtimeMs === entry.mtimeMs &&
    stored.sha256.toString('hex') === entry.sha256 &&
    stored.piecesRoot.toString('hex') === entry.piecesRoot
  );
}

/** The prepared statements of index writes. */
interface WriteOps {
  selectAll: Statement<[number], StoredFileRow>;
  selectByPath: Statement<[number, string], StoredFileRow>;
  selectName: Statement<[Buffer, string], { id: number }>;
  insertName: Statement<[Buffer, string, string | null, number]>;
  maxNameId: Statement<[], { id: number | null }>;
  ftsAddSince: Statement<[number]>;
  insertFile: Statement<[number, string, number, number, Buffer, number]>;
  updateFile: Statement<[number, number, Buffer, number, number]>;
  deleteFile: Statement<[number]>;
  orphanName: Statement<[number, number], { key: number }>;
  ftsDelete: Statement<[number]>;
  deleteName: Statement<[number]>;
  readTotals: Statement<[number], IndexTotals>;
  writeTotals: Statement<[number, number, number]>;
  counted: Statement<[number], { counted: number }>;
  holds: Statement<[Buffer, number], { one: number }>;
  addHolder: Statement<[Buffer, number, Buffer, number, number]>;
  markDisputed: Statement<[Buffer, number, number, Buffer]>;
  settleDispute: Statement<{ sha256: Buffer }>;
  dropHolder: Statement<[number, Buffer]>;
  dropContent: Statement<[Buffer]>;
}

/** SQL: the index entries of the file `@sha256`, as `f`. */
const ENTRIES_OF_FILE = `names n CROSS JOIN files f ON f.name_id = n.id
  WHERE n.sha256 = @sha256`;

function prepareWriteOps(db: Database): WriteOps {
  const joined = `SELECT f.id, f.path, f.name_id, n.name, n.sha256, f.size,
      f.pieces_root, f.mtime_ms FROM files f JOIN names n ON n.id = f.name_id`;
  return {
    selectAll: db.prepare(`${joined} WHERE f.user_id = ?`),
    selectByPath: db.prepare(`${joined} WHERE f.user_id = ? AND f.path = ?`),
    selectName: db.prepare(
      'SELECT id FROM names WHERE sha256 = ? AND name = ?',
    ),
    insertName: db.prepare(
      'INSERT INTO names (sha256, name, ext, score) VALUES (?, ?, ?, ?)',
    ),
    maxNameId: db.prepare('SELECT max(id) AS id FROM names'),
    ftsAddSince: db.prepare(
      `INSERT INTO names_fts (rowid, name)
       SELECT score * ${SCORE_UNIT} + id AS key, search_words(name) FROM names
       WHERE id > ?
       ORDER BY key`,
    ),
    insertFile: db.prepare(
      `INSERT INTO files (user_id, path, name_id, size, pieces_root, mtime_ms)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    updateFile: db.prepare(
      `UPDATE files SET name_id = ?, size = ?, pieces_root = ?, mtime_ms = ?
       WHERE id = ?`,
    ),
    deleteFile: db.prepare('DELETE FROM files WHERE id = ?'),
    orphanName: db.prepare(
      `SELECT score * ${SCORE_UNIT} + id AS key FROM names WHERE id = ?
       AND NOT EXISTS (SELECT 1 FROM files WHERE name_id = ?)`,
    ),
    ftsDelete: db.prepare('DELETE FROM names_fts WHERE rowid = ?'),
    deleteName: db.prepare('DELETE FROM names WHERE id = ?'),
    readTotals: db.prepare(
      `SELECT file_count AS fileCount, total_bytes AS totalBytes
       FROM users WHERE id = ?`,
    ),
    writeTotals: db.prepare(
      'UPDATE users SET file_count = ?, total_bytes = ? WHERE id = ?',
    ),
    counted: db.prepare('SELECT counted FROM peers WHERE user_id = ?'),
    holds: db.prepare(
      // CROSS JOIN pins the plan: names by sha256 first, then files by
      // (name_id, user_id); the other order scans the user's whole index.
      `SELECT 1 AS one FROM names n CROSS JOIN files f ON f.name_id = n.id
       WHERE n.sha256 = ? AND f.user_id = ? LIMIT 1`,
    ),
    addHolder: db.prepare(
      `INSERT INTO contents
         (sha256, size, pieces_root, holders, online_sources, disputed)
       VALUES (?, ?, ?, 1, ?, ?)
       ON CONFLICT (sha256) DO UPDATE SET holders = holders + 1,
         online_sources = online_sources + excluded.online_sources,
         disputed = disputed OR excluded.disputed
           OR size != excluded.size OR pieces_root != excluded.pieces_root`,
    ),
    markDisputed: db.prepare(
      `UPDATE contents SET disputed = 1
       WHERE sha256 = ? AND disputed = 0
         AND (? OR size != ? OR pieces_root != ?)`,
    ),
    // Once every entry left makes one claim, it is the file's, undisputed.
    // An undisputed file costs the key lookup only.
    settleDispute: db.prepare(
      `UPDATE contents SET disputed = 0,
         size = (SELECT f.size FROM ${ENTRIES_OF_FILE} LIMIT 1),
         pieces_root = (SELECT f.pieces_root FROM ${ENTRIES_OF_FILE} LIMIT 1)
       WHERE sha256 = @sha256 AND disputed = 1 AND (SELECT count(*) FROM
         (SELECT DISTINCT f.size, f.pieces_root FROM ${ENTRIES_OF_FILE})) = 1`,
    ),
    dropHolder: db.prepare(
      `UPDATE contents SET holders = holders - 1,
         online_sources = online_sources - ? WHERE sha256 = ?`,
    ),
    dropContent: db.prepare(
      'DELETE FROM contents WHERE sha256 = ? AND holders <= 0',
    ),
  };
}

/**
 * Writes index changes with as little work as the change needs. An
 * unchanged entry costs one comparison; a new (sha256, name) pair costs one
 * `names` row, and its FTS row is added with all the others of the batch in
 * a single `INSERT … SELECT` in key order (FTS5 flushes its pending rows
 * whenever a rowid goes down); a name row nobody points at any more is
 * removed from `names` and from the FTS index. Callers run it inside a
 * transaction.
 */
export class IndexWriter {
  private readonly op: WriteOps;

  constructor(db: Database) {
    this.op = prepareWriteOps(db);
  }

  /** Makes the user's index exactly `files` (paths must be distinct). */
  replace(userId: number, files: readonly FileEntry[]): IndexTotals {
    const stored = new Map<string, StoredFile>();
    for (const row of this.op.selectAll.iterate(userId)) {
      stored.set(row.path, toStored(row));
    }
    const batch = new Batch(this.op, userId, this.totals(userId));
    for (const entry of files) {
      batch.put(entry, stored.get(entry.path));
      stored.delete(entry.path);
    }
    for (const old of stored.values()) batch.remove(old);
    return batch.finish();
  }

  /** Removes `remove` paths (unknown ones ignored), then puts `add`. */
  patch(
    userId: number,
    add: readonly FileEntry[],
    remove: readonly string[],
  ): IndexTotals {
    const batch = new Batch(this.op, userId, this.totals(userId));
    for (const path of remove) {
      const old = this.op.selectByPath.get(userId, path);
      if (old !== undefined) batch.remove(toStored(old));
    }
    for (const entry of add) {
      const old = this.op.selectByPath.get(userId, entry.path);
      batch.put(entry, old === undefined ? undefined : toStored(old));
    }
    return batch.finish();
  }

  private totals(userId: number): IndexTotals {
    return this.op.readTotals.get(userId) ?? { fileCount: 0, totalBytes: 0 };
  }
}

interface Touched {
  sha256: Buffer;
  held: boolean;
  /** The first size and pieces root the batch put for it. */
  size: number | undefined;
  piecesRoot: Buffer | undefined;
  /** The batch put entries of it with different sizes or roots. */
  mixed: boolean;
  /** The batch removed or replaced an entry of it. */
  lost: boolean;
}

/** The changes of one PUT or PATCH, applied as they come. */
class Batch {
  private readonly nameIds = new Map<string, number>();
  private readonly maybeOrphans = new Set<number>();
  /** sha256 (hex) → whether the user held it before the batch. */
  private readonly touched = new Map<string, Touched>();
  private readonly firstNewNameId: number;
  private readonly online: number;
  private readonly hadFiles: boolean;
  /** The index's total size, exact whatever the sizes add up to. */
  private totalBytes: bigint;

  constructor(
    private readonly op: WriteOps,
    private readonly userId: number,
    private readonly totals: IndexTotals,
  ) {
    this.firstNewNameId = (this.op.maxNameId.get()?.id ?? 0) + 1;
    this.online = this.op.counted.get(userId)?.counted ?? 0;
    this.hadFiles = totals.fileCount > 0;
    this.totalBytes = BigInt(totals.totalBytes);
  }

  put(entry: FileEntry, old: StoredFile | undefined): void {
    if (old !== undefined && sameEntry(old, entry)) return;
    const piecesRoot = Buffer.from(entry.piecesRoot, 'hex');
    const sha256 = Buffer.from(entry.sha256, 'hex');
    this.touch(entry.sha256, sha256, entry.size, piecesRoot);
    if (old !== undefined) this.touch(old.sha256.toString('hex'), old.sha256);
    const nameId = this.nameId(entry, sha256);
    if (old === undefined) {
      this.op.insertFile.run(
        this.userId,
        entry.path,
        nameId,
        entry.size,
        piecesRoot,
        entry.mtimeMs,
      );
      this.totals.fileCount += 1;
      this.totalBytes += BigInt(entry.size);
      return;
    }
    this.op.updateFile.run(
      nameId,
      entry.size,
      piecesRoot,
      entry.mtimeMs,
      old.id,
    );
    this.totalBytes += BigInt(entry.size) - BigInt(old.size);
    if (old.nameId !== nameId) this.maybeOrphans.add(old.nameId);
  }

  remove(old: StoredFile): void {
    this.touch(old.sha256.toString('hex'), old.sha256);
    this.op.deleteFile.run(old.id);
    this.totals.fileCount -= 1;
    this.totalBytes -= BigInt(old.size);
    this.maybeOrphans.add(old.nameId);
  }

  /**
   * Completes the batch. Throws {@link IndexTooLargeError} (the caller's
   * transaction then undoes it) when the sizes add up to more than a
   * JSON number holds exactly.
   */
  finish(): IndexTotals {
    if (this.totalBytes > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new IndexTooLargeError();
    }
    this.totals.totalBytes = Number(this.totalBytes);
    this.op.ftsAddSince.run(this.firstNewNameId - 1);
    this.settleHoldings();
    for (const nameId of this.maybeOrphans) {
      const orphan = this.op.orphanName.get(nameId, nameId);
      if (orphan === undefined) continue;
      this.op.ftsDelete.run(orphan.key);
      this.op.deleteName.run(nameId);
    }
    this.op.writeTotals.run(
      this.totals.fileCount,
      this.totals.totalBytes,
      this.userId,
    );
    return { ...this.totals };
  }

  /** Notes, once per sha256, whether the user held it before. */
  private touch(
    hex: string,
    sha256: Buffer,
    size?: number,
    piecesRoot?: Buffer,
  ): void {
    const known = this.touched.get(hex);
    if (known !== undefined) {
      if (size === undefined) {
        known.lost = true;
        return;
      }
      if (known.size === undefined) {
        known.size = size;
        known.piecesRoot = piecesRoot;
      } else if (
        known.size !== size ||
        !(piecesRoot ?? Buffer.alloc(0)).equals(
          known.piecesRoot ?? Buffer.alloc(0),
        )
      ) {
        known.mixed = true;
      }
      return;
    }
    const held =
      this.hadFiles && this.op.holds.get(sha256, this.userId) !== undefined;
    this.touched.set(hex, {
      sha256,
      held,
      size,
      piecesRoot,
      mixed: false,
      lost: size === undefined,
    });
  }

  /**
   * Counts the user in or out of `contents` for each changed holding, marks
   * a file disputed when an entry put claims another size or root, and
   * clears the mark once the entries left agree again.
   */
  private settleHoldings(): void {
    for (const t of this.touched.values()) {
      this.settleHolding(t);
      if (t.lost) this.op.settleDispute.run({ sha256: t.sha256 });
    }
  }

  /** Counts the user in or out of `contents` for one changed holding. */
  private settleHolding(t: Touched): void {
    const holds = this.op.holds.get(t.sha256, this.userId) !== undefined;
    if (holds === t.held) {
      if (holds && t.size !== undefined) {
        this.op.markDisputed.run(
          t.sha256,
          t.mixed ? 1 : 0,
          t.size,
          t.piecesRoot ?? Buffer.alloc(32),
        );
      }
      return;
    }
    if (holds) {
      this.op.addHolder.run(
        t.sha256,
        t.size ?? 0,
        t.piecesRoot ?? Buffer.alloc(32),
        this.online,
        t.mixed ? 1 : 0,
      );
    } else {
      this.op.dropHolder.run(this.online, t.sha256);
      this.op.dropContent.run(t.sha256);
    }
  }

  private nameId(entry: FileEntry, sha256: Buffer): number {
    const key = `${entry.sha256}/${entry.name}`;
    const cached = this.nameIds.get(key);
    if (cached !== undefined) return cached;
    const found = this.op.selectName.get(sha256, entry.name);
    const id =
      found?.id ??
      Number(
        this.op.insertName.run(
          sha256,
          entry.name,
          extensionOf(entry.name),
          nameScore(entry.name),
        ).lastInsertRowid,
      );
    this.nameIds.set(key, id);
    return id;
  }
}

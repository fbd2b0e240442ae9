import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import type { FileEntry, PeerSummary } from '../../api/index.js';
import type {
  Announce,
  Credentials,
  DirectoryStore,
  IndexTotals,
  NewSession,
  NewUser,
  PeerListQuery,
  PeerStatus,
  SessionRecord,
  SourcesRecord,
  StoreSearchPage,
  StoreSearchQuery,
} from '../store.js';
import { IndexWriter } from './index-writer.js';
import { addSqlFunctions } from './sql-functions.js';
import { migrate } from './migrations.js';
import { Searcher } from './search.js';
import { SearchCache } from './search-cache.js';

/** How SQLite trades durability for speed (`PRAGMA synchronous`). */
export type SqliteSynchronous = 'FULL' | 'NORMAL';

export interface SqliteStoreOptions {
  /** Database file; created with its folder when missing. */
  file: string;
  /**
   * `NORMAL` (default): in WAL mode a commit survives the process being
   * killed; a power cut may lose the last commits, never consistency.
   * `FULL`: every commit is on disk before it is acknowledged.
   */
  synchronous?: SqliteSynchronous;
  /** Milliseconds a writer waits for a lock before failing. */
  busyTimeoutMs?: number;
  /** Searches whose results are kept until a write changes them (1024). */
  searchCacheSize?: number;
}

/** Opens a database file with the directory's pragmas and schema. */
export function openDatabase(options: SqliteStoreOptions): Database {
  const onDisk = options.file !== ':memory:';
  if (onDisk) {
    makeFolder(path.dirname(path.resolve(options.file)));
  }
  const db = new BetterSqlite3(options.file);
  if (onDisk) refuseReadOnly(db, options.file);
  addSqlFunctions(db);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -65536');
  // Search reads rows all over `names` and `contents`: map the file (up to
  // 1 GiB) so pages come from the OS cache without a read call each.
  db.pragma('mmap_size = 1073741824');
  migrate(db);
  return db;
}

/**
 * Creates `folder` and its missing parents, one at a time: Node's
 * `mkdirSync(…, { recursive: true })` never returns for a path under /proc.
 */
function makeFolder(folder: string): void {
  if (existsSync(folder)) return;
  const parent = path.dirname(folder);
  if (parent !== folder) makeFolder(parent);
  mkdirSync(folder);
}

/**
 * SQLite opens a file it may not write read-only without a word, and every
 * write would fail later; say so at the start instead.
 */
function refuseReadOnly(db: Database, file: string): void {
  try {
    accessSync(file, constants.W_OK);
  } catch {
    db.close();
    throw new Error(`the database file ${file} is not writable`);
  }
}

/** The SQLite implementation of {@link DirectoryStore}. */
export class SqliteStore implements DirectoryStore {
  readonly db: Database;
  private readonly writer: IndexWriter;
  private readonly searcher: Searcher;
  private readonly searchCache: SearchCache;
  private readonly sql: ReturnType<typeof prepare>;

  constructor(options: SqliteStoreOptions) {
    this.db = openDatabase(options);
    this.writer = new IndexWriter(this.db);
    this.searcher = new Searcher(this.db);
    this.searchCache = new SearchCache(options.searchCacheSize ?? 1024);
    this.sql = prepare(this.db);
  }

  createUser(user: NewUser): Promise<boolean> {
    const result = this.sql.insertUser.run(
      user.username,
      user.passwordHash,
      user.createdMs,
    );
    return Promise.resolve(result.changes === 1);
  }

  findCredentials(username: string): Promise<Credentials | undefined> {
    return Promise.resolve(this.sql.credentials.get(username));
  }

  createSession(session: NewSession): Promise<void> {
    this.sql.insertSession.run(
      session.userId,
      session.tokenHash,
      session.createdMs,
      session.expiresMs,
    );
    return Promise.resolve();
  }

  findSession(
    tokenHash: Buffer,
    nowMs: number,
  ): Promise<SessionRecord | undefined> {
    return Promise.resolve(this.sql.session.get(tokenHash, nowMs));
  }

  deleteSession(sessionId: number): Promise<void> {
    this.db
      .transaction(() => {
        const peer = this.sql.peerOfSession.get(sessionId);
        if (peer !== undefined && peer.counted === 1) {
          this.sql.countOut.run(peer.userId);
          this.searchCache.clear();
        }
        this.sql.deleteSession.run(sessionId);
      })
      .immediate();
    return Promise.resolve();
  }

  deleteExpiredSessions(nowMs: number): Promise<number> {
    const deleted = this.db
      .transaction(() => {
        for (const peer of this.sql.peersOfExpired.all(nowMs)) {
          this.sql.countOut.run(peer.userId);
          this.searchCache.clear();
        }
        return this.sql.deleteExpired.run(nowMs).changes;
      })
      .immediate();
    return Promise.resolve(deleted);
  }

  announce(a: Announce): Promise<boolean> {
    const announced = this.db
      .transaction(() => {
        if (this.sql.sessionReplaced.get(a.sessionId) !== undefined) {
          return false;
        }
        const before = this.sql.peerCounted.get(a.userId);
        if (before !== undefined && before.sessionId !== a.sessionId) {
          this.sql.replaceSession.run(before.sessionId);
        }
        this.sql.upsertPeer.run(a.userId, a.sessionId, a.host, a.port, a.nowMs);
        if (before?.counted !== 1) {
          this.sql.countIn.run(a.userId);
          this.searchCache.clear();
        }
        return true;
      })
      .immediate();
    return Promise.resolve(announced);
  }

  sessionReplaced(sessionId: number): Promise<boolean> {
    return Promise.resolve(
      this.sql.sessionReplaced.get(sessionId) !== undefined,
    );
  }

  /**
   * Stops counting as online the peers silent since before `sinceMs`.
   * Runs before every read of online source counts; costs one index probe
   * when nobody expired.
   */
  sweep(sinceMs: number): void {
    if (this.sql.anyExpired.get(sinceMs) === undefined) return;
    this.searchCache.clear();
    this.db
      .transaction(() => {
        for (const peer of this.sql.expiredPeers.all(sinceMs)) {
          this.sql.countOut.run(peer.userId);
          this.sql.uncount.run(peer.userId);
        }
      })
      .immediate();
  }

  listOnlinePeers(query: PeerListQuery): Promise<PeerSummary[]> {
    const rows = this.sql.onlinePeers.all(
      query.sinceMs,
      query.afterUsername ?? '',
      query.limit,
    );
    return Promise.resolve(rows);
  }

  peerStatus(
    username: string,
    sinceMs: number,
  ): Promise<PeerStatus | undefined> {
    const row = this.sql.peerStatus.get(sinceMs, username);
    return Promise.resolve(
      row === undefined
        ? undefined
        : {
            userId: row.userId,
            online: row.online === 1,
            fileCount: row.fileCount,
            totalBytes: row.totalBytes,
          },
    );
  }

  replaceIndex(
    userId: number,
    files: readonly FileEntry[],
  ): Promise<IndexTotals> {
    this.searchCache.clear();
    return Promise.resolve(
      this.db.transaction(() => this.writer.replace(userId, files)).immediate(),
    );
  }

  patchIndex(
    userId: number,
    add: readonly FileEntry[],
    remove: readonly string[],
  ): Promise<IndexTotals> {
    this.searchCache.clear();
    return Promise.resolve(
      this.db
        .transaction(() => this.writer.patch(userId, add, remove))
        .immediate(),
    );
  }

  listFiles(
    userId: number,
    afterPath: string | null,
    limit: number,
  ): Promise<FileEntry[]> {
    const rows = this.sql.files.all(userId, afterPath ?? '', limit);
    return Promise.resolve(
      rows.map((row) => ({
        name: row.name,
        path: row.path,
        size: row.size,
        sha256: row.sha256.toString('hex'),
        piecesRoot: row.pieces_root.toString('hex'),
        mtimeMs: row.mtime_ms,
      })),
    );
  }

  search(query: StoreSearchQuery): Promise<StoreSearchPage> {
    this.sweep(query.sinceMs);
    const cached = this.searchCache.get(query);
    if (cached !== undefined) return Promise.resolve(cached);
    const page = this.searcher.search(query);
    this.searchCache.set(query, page);
    return Promise.resolve(page);
  }

  sources(sha256: string, sinceMs: number): Promise<SourcesRecord> {
    this.sweep(sinceMs);
    return Promise.resolve(this.searcher.sources(sha256, sinceMs));
  }

  close(): Promise<void> {
    if (this.db.open) this.db.close();
    return Promise.resolve();
  }
}

function prepare(db: Database) {
  return {
    insertUser: db.prepare<[string, string, number]>(
      `INSERT INTO users (username, password_hash, created_ms) VALUES (?, ?, ?)
       ON CONFLICT (username) DO NOTHING`,
    ),
    credentials: db.prepare<[string], Credentials>(
      `SELECT id AS userId, username, password_hash AS passwordHash
       FROM users WHERE username = ?`,
    ),
    insertSession: db.prepare<[number, Buffer, number, number]>(
      `INSERT INTO sessions (user_id, token_hash, created_ms, expires_ms)
       VALUES (?, ?, ?, ?)`,
    ),
    session: db.prepare<[Buffer, number], SessionRecord>(
      `SELECT s.id AS sessionId, s.user_id AS userId, u.username,
         s.expires_ms AS expiresMs
       FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = ? AND s.expires_ms > ?`,
    ),
    deleteSession: db.prepare<[number]>('DELETE FROM sessions WHERE id = ?'),
    peerOfSession: db.prepare<[number], { userId: number; counted: number }>(
      'SELECT user_id AS userId, counted FROM peers WHERE session_id = ?',
    ),
    peersOfExpired: db.prepare<[number], { userId: number }>(
      `SELECT p.user_id AS userId FROM peers p
       JOIN sessions s ON s.id = p.session_id
       WHERE s.expires_ms <= ? AND p.counted = 1`,
    ),
    peerCounted: db.prepare<[number], { sessionId: number; counted: number }>(
      'SELECT session_id AS sessionId, counted FROM peers WHERE user_id = ?',
    ),
    sessionReplaced: db.prepare<[number], { one: number }>(
      'SELECT 1 AS one FROM sessions WHERE id = ? AND replaced = 1',
    ),
    replaceSession: db.prepare<[number]>(
      'UPDATE sessions SET replaced = 1 WHERE id = ?',
    ),
    countIn: db.prepare<[number]>(
      `UPDATE contents SET online_sources = online_sources + 1
       WHERE sha256 IN (SELECT DISTINCT n.sha256 FROM files f
         JOIN names n ON n.id = f.name_id WHERE f.user_id = ?)`,
    ),
    countOut: db.prepare<[number]>(
      `UPDATE contents SET online_sources = online_sources - 1
       WHERE sha256 IN (SELECT DISTINCT n.sha256 FROM files f
         JOIN names n ON n.id = f.name_id WHERE f.user_id = ?)`,
    ),
    anyExpired: db.prepare<[number], { one: number }>(
      'SELECT 1 AS one FROM peers WHERE counted = 1 AND last_seen_ms < ? LIMIT 1',
    ),
    expiredPeers: db.prepare<[number], { userId: number }>(
      'SELECT user_id AS userId FROM peers WHERE counted = 1 AND last_seen_ms < ?',
    ),
    uncount: db.prepare<[number]>(
      'UPDATE peers SET counted = 0 WHERE user_id = ?',
    ),
    deleteExpired: db.prepare<[number]>(
      'DELETE FROM sessions WHERE expires_ms <= ?',
    ),
    upsertPeer: db.prepare<[number, number, string, number, number]>(
      `INSERT INTO peers (user_id, session_id, host, port, last_seen_ms, counted)
       VALUES (?, ?, ?, ?, ?, 1)
       ON CONFLICT (user_id) DO UPDATE SET session_id = excluded.session_id,
         host = excluded.host, port = excluded.port,
         last_seen_ms = excluded.last_seen_ms, counted = 1`,
    ),
    onlinePeers: db.prepare<[number, string, number], PeerSummary>(
      `SELECT u.username, p.host, p.port, u.file_count AS fileCount,
         u.total_bytes AS totalBytes, p.last_seen_ms AS lastSeenMs
       FROM peers p JOIN users u ON u.id = p.user_id
       WHERE p.last_seen_ms >= ? AND u.username > ?
       ORDER BY u.username LIMIT ?`,
    ),
    peerStatus: db.prepare<
      [number, string],
      {
        userId: number;
        online: number;
        fileCount: number;
        totalBytes: number;
      }
    >(
      `SELECT u.id AS userId, u.file_count AS fileCount,
         u.total_bytes AS totalBytes,
         coalesce(p.last_seen_ms >= ?, 0) AS online
       FROM users u LEFT JOIN peers p ON p.user_id = u.id
       WHERE u.username = ?`,
    ),
    files: db.prepare<
      [number, string, number],
      {
        path: string;
        name: string;
        size: number;
        sha256: Buffer;
        pieces_root: Buffer;
        mtime_ms: number;
      }
    >(
      `SELECT f.path, n.name, f.size, n.sha256, f.pieces_root, f.mtime_ms
       FROM files f JOIN names n ON n.id = f.name_id
       WHERE f.user_id = ? AND f.path > ? ORDER BY f.path LIMIT ?`,
    ),
  };
}

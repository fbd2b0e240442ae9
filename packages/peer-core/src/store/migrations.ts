import type { Database } from 'better-sqlite3';
import { TRANSFER_QUEUE_SQL } from '../peer/queue-store.js';

/**
 * One step of the local database's schema. `version` is stored in SQLite's
 * `user_version` once `up` has run; versions start at 1 and increase by 1.
 */
export interface Migration {
  version: number;
  /** What the step does, for error messages. */
  description: string;
  up(db: Database): void;
}

/**
 * Every migration of the peer's local database, in order. To change the
 * schema, append a new entry with the next version; never edit a released
 * one.
 */
export const LOCAL_DB_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'hash cache of shared files',
    up(db) {
      db.exec(`
        CREATE TABLE share_files (
          path TEXT PRIMARY KEY,
          size INTEGER NOT NULL,
          mtime_ms REAL NOT NULL,
          sha256 TEXT NOT NULL,
          pieces_root TEXT NOT NULL,
          piece_size INTEGER NOT NULL,
          piece_hashes BLOB NOT NULL
        ) STRICT;
        CREATE INDEX share_files_sha256 ON share_files (sha256);
      `);
    },
  },
  {
    version: 2,
    description: 'download queue of the Peer',
    up(db) {
      db.exec(TRANSFER_QUEUE_SQL);
    },
  },
  {
    version: 3,
    description: 'the folder the hash cache belongs to',
    up(db) {
      db.exec(`
        CREATE TABLE share_root (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          root TEXT NOT NULL
        ) STRICT;
      `);
    },
  },
];

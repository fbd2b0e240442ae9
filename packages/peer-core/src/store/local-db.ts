import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { requireOnUse } from '../grpc/load-on-use.js';
import { getErrorMessage, PeerError, PeerErrorCode } from '../errors.js';
import { LOCAL_DB_MIGRATIONS, type Migration } from './migrations.js';

export type LocalDb = Database;

/**
 * Opens (creating it if needed) the peer's local SQLite database in WAL
 * mode and brings its schema up to date. `migrations` defaults to
 * `LOCAL_DB_MIGRATIONS`; each runs once in its own transaction and bumps
 * `user_version`. Throws `PeerError(IO)` when the file cannot be opened or
 * was written by a newer Ferry.
 */
export function openLocalDb(
  file: string,
  migrations: readonly Migration[] = LOCAL_DB_MIGRATIONS,
): LocalDb {
  let db: Database;
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const Sqlite = requireOnUse('better-sqlite3') as typeof BetterSqlite3;
    db = new Sqlite(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
  } catch (error) {
    throw new PeerError(
      PeerErrorCode.Io,
      `cannot open local database ${file}: ${getErrorMessage(error)}`,
      { cause: error },
    );
  }
  try {
    migrate(db, migrations);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

function migrate(db: Database, migrations: readonly Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new PeerError(
      PeerErrorCode.Io,
      `local database schema ${current} is newer than this Ferry (${latest})`,
    );
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

import type { Database } from 'better-sqlite3';
import { SCORE_UNIT, nameScore, searchKey } from './name-score.js';

/** A schema step: SQL, or a function for steps that need computed values. */
export type Migration = string | ((db: Database) => void);

/**
 * The schema, as numbered steps. `PRAGMA user_version` records how many
 * have run; each runs in its own transaction. Never edit a released step:
 * add a new one.
 *
 * Layout. `names` holds each distinct (sha256, name) pair once, and the
 * FTS5 table `names_fts` indexes those rows (since step 2 contentless, keyed
 * by score and id: see `name-score.ts`), so a name
 * shared by a thousand peers is tokenized once and the index upload writes
 * FTS rows only for pairs it has never seen. `files` is each peer's index,
 * keyed by (user, path), pointing at its name row. `contents` has one row
 * per sha256 held by anyone, with how many peers hold it and how many of
 * those are online; a peer's holdings are counted as online from its
 * announce (`peers.counted = 1`) until it logs out or a sweep finds it
 * silent past the TTL, so search reads the source count without a join.
 * Its size and pieces root are the first holder's claim, and `disputed`
 * is set once any entry claims otherwise; it is cleared, and the claim
 * left becomes the file's, once the remaining entries agree again.
 */
export const MIGRATIONS: readonly Migration[] = [
  `
  CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    file_count INTEGER NOT NULL DEFAULT 0,
    total_bytes INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash BLOB NOT NULL UNIQUE,
    created_ms INTEGER NOT NULL,
    expires_ms INTEGER NOT NULL
  );
  CREATE INDEX sessions_user ON sessions(user_id);
  CREATE INDEX sessions_expiry ON sessions(expires_ms);
  CREATE TABLE peers (
    user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    host TEXT NOT NULL,
    port INTEGER NOT NULL,
    last_seen_ms INTEGER NOT NULL,
    counted INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX peers_session ON peers(session_id);
  CREATE INDEX peers_last_seen ON peers(last_seen_ms);
  CREATE INDEX peers_counted ON peers(counted, last_seen_ms);
  CREATE TABLE contents (
    sha256 BLOB PRIMARY KEY,
    size INTEGER NOT NULL,
    pieces_root BLOB NOT NULL,
    holders INTEGER NOT NULL,
    online_sources INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE names (
    id INTEGER PRIMARY KEY,
    sha256 BLOB NOT NULL,
    name TEXT NOT NULL,
    ext TEXT,
    UNIQUE (sha256, name)
  );
  CREATE VIRTUAL TABLE names_fts USING fts5(
    name,
    content = 'names',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2'
  );
  CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    name_id INTEGER NOT NULL REFERENCES names(id),
    size INTEGER NOT NULL,
    pieces_root BLOB NOT NULL,
    mtime_ms INTEGER NOT NULL,
    UNIQUE (user_id, path)
  );
  CREATE INDEX files_name ON files(name_id, user_id);
  `,
  scoreOrderedIndex,
  compatibilityFormIndex,
  // Step 4: a session whose account announced from a newer session since.
  'ALTER TABLE sessions ADD COLUMN replaced INTEGER NOT NULL DEFAULT 0',
  // Step 5: whether any index entry of a file claims another size or pieces
  // root than `contents` records (search checks claims only then).
  `
  ALTER TABLE contents ADD COLUMN disputed INTEGER NOT NULL DEFAULT 0;
  UPDATE contents SET disputed = 1 WHERE EXISTS (
    SELECT 1 FROM names n JOIN files f ON f.name_id = n.id
    WHERE n.sha256 = contents.sha256
      AND (f.size != contents.size OR f.pieces_root != contents.pieces_root));
  `,
  privateUseSeparatesWords,
  indexSearchWords,
];

/**
 * Step 2: `names` gets each name's static score, and `names_fts` becomes a
 * contentless index keyed by {@link searchKey}, so a search reads matches
 * best first and stops after a page instead of ranking every match.
 */
function scoreOrderedIndex(db: Database): void {
  db.exec(`
    DROP TABLE names_fts;
    ALTER TABLE names ADD COLUMN score INTEGER NOT NULL DEFAULT 0;
    CREATE VIRTUAL TABLE names_fts USING fts5(
      name,
      content = '',
      contentless_delete = 1,
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '2'
    );
  `);
  const rows = db.prepare<[], { id: number; name: string }>(
    'SELECT id, name FROM names',
  );
  const setScore = db.prepare('UPDATE names SET score = ? WHERE id = ?');
  const keyed = rows.all().map((row) => {
    const score = nameScore(row.name);
    setScore.run(score, row.id);
    return { key: searchKey(score, row.id), name: row.name };
  });
  // FTS5 flushes its pending rows whenever a rowid goes down: insert in key
  // order, then merge into one segment.
  keyed.sort((a, b) => a.key - b.key);
  const index = db.prepare('INSERT INTO names_fts (rowid, name) VALUES (?, ?)');
  for (const row of keyed) index.run(row.key, row.name);
  db.exec(`INSERT INTO names_fts (names_fts) VALUES ('optimize')`);
}

/**
 * Step 3: `names_fts` indexes each name in Unicode compatibility form
 * (`nfkc`, see `sql-functions.ts`), as queries are; re-index the names
 * that form changes.
 */
function compatibilityFormIndex(db: Database): void {
  const changed = db
    .prepare<[], { key: number; name: string }>(
      `SELECT score * ${SCORE_UNIT} + id AS key, nfkc(name) AS name
       FROM names WHERE name <> nfkc(name) ORDER BY key`,
    )
    .all();
  const drop = db.prepare('DELETE FROM names_fts WHERE rowid = ?');
  const add = db.prepare('INSERT INTO names_fts (rowid, name) VALUES (?, ?)');
  for (const row of changed) {
    drop.run(row.key);
    add.run(row.key, row.name);
  }
}

/**
 * Step 6: `names_fts` takes words as runs of letters and digits (FTS5's
 * `categories`, by default `L* N* Co`): a private-use character (U+E000 to
 * U+F8FF, planes 15 and 16), such as an icon font's glyph, separates words,
 * as it does in the query's words (`searchWords`). Every name is re-indexed.
 */
function privateUseSeparatesWords(db: Database): void {
  db.exec(`
    DROP TABLE names_fts;
    CREATE VIRTUAL TABLE names_fts USING fts5(
      name,
      content = '',
      contentless_delete = 1,
      tokenize = "unicode61 remove_diacritics 2 categories 'L* N*'",
      prefix = '2'
    );
    INSERT INTO names_fts (rowid, name)
      SELECT score * ${SCORE_UNIT} + id, nfkc(name) FROM names ORDER BY 1;
    INSERT INTO names_fts (names_fts) VALUES ('optimize');
  `);
}

/**
 * Step 7: `names_fts` indexes each name's words as search reads them
 * (`search_words`, see `search-words.ts`), as queries are: characters
 * assigned after Unicode 6.1 no longer split or fold differently in the
 * index (SQLite's tables) and in queries (JavaScript's). Every name is
 * re-indexed.
 */
function indexSearchWords(db: Database): void {
  db.exec(`
    INSERT INTO names_fts (names_fts) VALUES ('delete-all');
    INSERT INTO names_fts (rowid, name)
      SELECT score * ${SCORE_UNIT} + id, search_words(name) FROM names ORDER BY 1;
    INSERT INTO names_fts (names_fts) VALUES ('optimize');
  `);
}

/** Runs the migrations the database has not had yet; returns its version. */
export function migrate(db: Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(
      `database schema version ${current} is newer than this program (${MIGRATIONS.length})`,
    );
  }
  for (let version = current; version < MIGRATIONS.length; version += 1) {
    const step = MIGRATIONS[version] ?? '';
    db.transaction(() => {
      if (typeof step === 'string') db.exec(step);
      else step(db);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return MIGRATIONS.length;
}

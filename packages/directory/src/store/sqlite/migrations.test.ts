import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from './migrations.js';
import { nameScore, searchKey } from './name-score.js';
import { SqliteStore } from './sqlite-store.js';

let dir = '';

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A database file at schema version 1 holding the given names. */
function versionOneDatabase(names: string[]): string {
  dir = mkdtempSync(path.join(tmpdir(), 'ferry-migrations-'));
  const file = path.join(dir, 'old.sqlite');
  const db = new BetterSqlite3(file);
  const [first] = MIGRATIONS;
  if (typeof first !== 'string') throw new Error('step 1 is SQL');
  db.exec(first);
  db.pragma('user_version = 1');
  const insert = db.prepare(
    'INSERT INTO names (sha256, name, ext) VALUES (?, ?, ?)',
  );
  names.forEach((name, i) => insert.run(Buffer.alloc(32, i), name, 'txt'));
  db.exec('INSERT INTO names_fts (rowid, name) SELECT id, name FROM names');
  db.close();
  return file;
}

describe('migrations', () => {
  it('re-keys a version 1 search index by score, best first', async () => {
    const file = versionOneDatabase([
      'gamma long name here.txt',
      'Gamma.txt',
      'other.txt',
    ]);
    const store = new SqliteStore({ file });
    try {
      expect(store.db.pragma('user_version', { simple: true })).toBe(
        MIGRATIONS.length,
      );
      const keys = store.db
        .prepare<[], { rowid: number }>(
          `SELECT rowid FROM names_fts WHERE names_fts MATCH '"gamma"*'
           ORDER BY rowid`,
        )
        .all()
        .map((row) => row.rowid);
      expect(keys).toEqual([
        searchKey(nameScore('Gamma.txt'), 2),
        searchKey(nameScore('gamma long name here.txt'), 1),
      ]);
      const scores = store.db
        .prepare<[], { score: number }>('SELECT score FROM names ORDER BY id')
        .all()
        .map((row) => row.score);
      expect(scores).toEqual(
        ['gamma long name here.txt', 'Gamma.txt', 'other.txt'].map(nameScore),
      );
    } finally {
      await store.close();
    }
  });

  it('re-indexes names in compatibility form, as queries are', async () => {
    const file = versionOneDatabase(['ﬁnal cut.txt', 'plain.txt']);
    const store = new SqliteStore({ file });
    try {
      const found = store.db
        .prepare<[], { rowid: number }>(
          `SELECT rowid FROM names_fts WHERE names_fts MATCH '"final"*'`,
        )
        .all();
      expect(found).toEqual([
        { rowid: searchKey(nameScore('ﬁnal cut.txt'), 1) },
      ]);
    } finally {
      await store.close();
    }
  });

  it('re-indexes names so that a private-use character separates words', async () => {
    // Given a version 1 database indexing a name with U+E000 inside a word
    const file = versionOneDatabase(['alpha\u{E000}beta.txt']);
    // When the program opens it
    const store = new SqliteStore({ file });
    try {
      // Then the word after that character is a word of its own
      const found = store.db
        .prepare<[], { rowid: number }>(
          `SELECT rowid FROM names_fts WHERE names_fts MATCH '"beta"*'`,
        )
        .all();
      expect(found).toEqual([
        { rowid: searchKey(nameScore('alpha\u{E000}beta.txt'), 1) },
      ]);
    } finally {
      await store.close();
    }
  });

  it('re-indexes names by the words search reads in them', async () => {
    // Given a version 1 database indexing a name joined by U+1F910, a
    // symbol SQLite's Unicode 6.1 tables keep inside a word
    const file = versionOneDatabase(['holiday\u{1F910}photos.jpg']);
    // When the program opens it
    const store = new SqliteStore({ file });
    try {
      // Then the word after that symbol is a word of its own
      const found = store.db
        .prepare<[], { rowid: number }>(
          `SELECT rowid FROM names_fts WHERE names_fts MATCH '"photos"*'`,
        )
        .all();
      expect(found).toEqual([
        { rowid: searchKey(nameScore('holiday\u{1F910}photos.jpg'), 1) },
      ]);
    } finally {
      await store.close();
    }
  });

  it('marks the files whose index entries disagree as disputed', async () => {
    // Given a version 1 database where alice and bob hold file 0 with one
    // claim, and bob holds file 1 with another size than it was first
    // indexed with
    const file = versionOneDatabase(['agreed.txt', 'disputed.txt']);
    const db = new BetterSqlite3(file);
    db.exec(`INSERT INTO users (id, username, password_hash, created_ms)
             VALUES (1, 'alice', 'x', 0), (2, 'bob', 'x', 0)`);
    const root = Buffer.alloc(32, 9);
    const content = db.prepare('INSERT INTO contents VALUES (?, ?, ?, 2, 0)');
    content.run(Buffer.alloc(32, 0), 100, root);
    content.run(Buffer.alloc(32, 1), 100, root);
    const held = db.prepare(
      'INSERT INTO files (user_id, path, name_id, size, pieces_root, mtime_ms) VALUES (?, ?, ?, ?, ?, 0)',
    );
    held.run(1, 'a', 1, 100, root);
    held.run(2, 'a', 1, 100, root);
    held.run(1, 'b', 2, 100, root);
    held.run(2, 'b', 2, 999, root);
    db.close();
    // When the program opens it
    const store = new SqliteStore({ file });
    try {
      // Then only file 1 is marked
      const flags = store.db
        .prepare<[], { disputed: number }>(
          'SELECT disputed FROM contents ORDER BY sha256',
        )
        .all()
        .map((row) => row.disputed);
      expect(flags).toEqual([0, 1]);
    } finally {
      await store.close();
    }
  });

  it('refuses a database newer than the program', () => {
    const file = versionOneDatabase([]);
    const db = new BetterSqlite3(file);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => new SqliteStore({ file })).toThrow(/newer than this program/);
  });
});

import type { Database } from 'better-sqlite3';

/**
 * SQL functions the schema and the index writer use. `nfkc(text)`: the
 * text in Unicode compatibility form, as search queries are, so a name
 * written with full-width letters or ligatures ("Ｔｅｓｔ", "ﬁnal") is found
 * by its plain spelling and by itself.
 */
export function addSqlFunctions(db: Database): void {
  db.function('nfkc', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? text.normalize('NFKC') : text,
  );
}

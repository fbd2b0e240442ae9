import type { Database } from 'better-sqlite3';
import { searchWords } from '../../search-words.js';

/**
 * SQL functions the schema and the index writer use. `nfkc(text)`: the
 * text in Unicode compatibility form, as search queries are, so a name
 * written with full-width letters or ligatures ("Ｔｅｓｔ", "ﬁnal") is found
 * by its plain spelling and by itself. `search_words(text)`: the text's
 * words as search reads them (see `search-words.ts`), joined by spaces:
 * what the search index stores for a name.
 */
export function addSqlFunctions(db: Database): void {
  db.function('nfkc', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? text.normalize('NFKC') : text,
  );
  db.function('search_words', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? searchWords(text).join(' ') : text,
  );
}

/**
 * The words of a text as search reads them, in file names and in queries
 * alike: runs of letters, digits and marks in Unicode compatibility form,
 * lower-cased, by the Unicode version JavaScript has. Any other character
 * (punctuation, a symbol or emoji, a private-use character) separates words.
 * The index stores each name as these words joined by spaces (SQL
 * `search_words`, see `sql-functions.ts`), so SQLite's unicode61 tokenizer,
 * whose tables are from Unicode 6.1 (it keeps any character assigned since
 * then inside a word and folds none of their case), decides no word
 * boundary or case the query does not share.
 */
export function searchWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter((word) => /[\p{L}\p{N}]/u.test(word));
}

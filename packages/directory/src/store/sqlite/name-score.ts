/**
 * The static relevance of a name, lower is better: its number of words
 * first, then its length. A search is an AND of words, so every matching
 * name holds all of them, and bm25 differs between two such names (each word
 * found once) only by their length in words; this score keeps that order
 * and breaks its ties by length in characters. Names keep their score, so
 * the search index can be stored in score order (see {@link searchKey}).
 */
export function nameScore(name: string): number {
  const words = name
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter((word) => word.length > 0).length;
  return Math.min(words, MAX_WORDS) * 1024 + Math.min(name.length, 1023);
}

const MAX_WORDS = 31;

/** 2^32: a names row id below it, the score above it, in one rowid. */
export const SCORE_UNIT = 4_294_967_296;

/**
 * The FTS rowid of a names row: score × 2^32 + id, so FTS5 hands out the
 * matches of a query best score first, cheaply (`ORDER BY rowid LIMIT k`),
 * however many names match. The largest key is below 2^47: exact in a
 * JavaScript number.
 */
export function searchKey(score: number, id: number): number {
  return score * SCORE_UNIT + id;
}

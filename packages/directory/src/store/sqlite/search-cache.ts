import { LruMap } from 'toad-cache';
import type { StoreSearchPage, StoreSearchQuery } from '../store.js';

/**
 * Results holding more names than this are not kept, so the cache stays
 * within tens of MB however large the pages asked for.
 */
const MAX_NAMES_PER_ENTRY = 500;

/**
 * The results of recent searches, least recently used dropped first. A
 * search reads only the index and which peers count as online (not the
 * time: the sweep that runs before it turns expiry into counts), so the
 * store clears this whenever either changes: on an index write, a peer
 * counted in or out, a logout or an expiry. A heartbeat of a peer that is
 * already online changes nothing a search reads and keeps the entries.
 */
export class SearchCache {
  private readonly entries: LruMap<StoreSearchPage> | null;

  /** `size` results at most; 0 keeps none. */
  constructor(size: number) {
    this.entries = size > 0 ? new LruMap(size) : null;
  }

  get(query: StoreSearchQuery): StoreSearchPage | undefined {
    const page = this.entries?.get(keyOf(query));
    return page && { ...page, hits: page.hits.slice() };
  }

  set(query: StoreSearchQuery, page: StoreSearchPage): void {
    const names = page.hits.reduce((sum, hit) => sum + hit.names.length, 0);
    if (names <= MAX_NAMES_PER_ENTRY) {
      this.entries?.set(keyOf(query), { ...page, hits: page.hits.slice() });
    }
  }

  clear(): void {
    this.entries?.clear();
  }
}

function keyOf(query: StoreSearchQuery): string {
  const { terms, limit, after, minSize, maxSize, ext } = query;
  return JSON.stringify([terms, limit, after, minSize, maxSize, ext]);
}

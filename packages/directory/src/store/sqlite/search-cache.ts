import { LruMap } from 'toad-cache';
import type { StoreSearchHit, StoreSearchQuery } from '../store.js';

/**
 * The results of recent searches, least recently used dropped first. A
 * search reads only the index and which peers count as online (not the
 * time: the sweep that runs before it turns expiry into counts), so the
 * store clears this whenever either changes: on an index write, a peer
 * counted in or out, a logout or an expiry. A heartbeat of a peer that is
 * already online changes nothing a search reads and keeps the entries.
 */
export class SearchCache {
  private readonly entries: LruMap<readonly StoreSearchHit[]> | null;

  /** `size` results at most; 0 keeps none. */
  constructor(size: number) {
    this.entries = size > 0 ? new LruMap(size) : null;
  }

  get(query: StoreSearchQuery): StoreSearchHit[] | undefined {
    return this.entries?.get(keyOf(query))?.slice();
  }

  set(query: StoreSearchQuery, hits: readonly StoreSearchHit[]): void {
    this.entries?.set(keyOf(query), hits);
  }

  clear(): void {
    this.entries?.clear();
  }
}

function keyOf(query: StoreSearchQuery): string {
  const { terms, limit, after, minSize, maxSize, ext } = query;
  return JSON.stringify([terms, limit, after, minSize, maxSize, ext]);
}

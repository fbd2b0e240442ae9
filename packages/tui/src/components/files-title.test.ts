import { describe, expect, it } from 'vitest';
import { filesTitle } from './files-title.js';

describe('filesTitle', () => {
  const search = { kind: 'search', query: 'waltz' } as const;
  const peer = { kind: 'peer', username: 'alice' } as const;

  it('says a search is under way, not "0 results", until its answer', () => {
    expect(filesTitle(search, { count: 0, loading: true })).toBe(
      '2 Files · search: waltz · searching…',
    );
  });

  it('counts the results once they arrive', () => {
    expect(filesTitle(search, { count: 0 })).toBe(
      '2 Files · search: waltz · 0 results',
    );
    expect(filesTitle(search, { count: 200, more: true })).toBe(
      '2 Files · search: waltz · 200+ results',
    );
  });

  it('says a share is loading, then counts its files', () => {
    expect(filesTitle(peer, { count: 0, loading: true })).toBe(
      "2 Files · alice's share · loading…",
    );
    expect(filesTitle({ kind: 'own' }, { count: 1 })).toBe(
      '2 Files · your share · 1 file',
    );
  });

  it('says a failed load failed', () => {
    expect(filesTitle(search, { count: 0, failed: true })).toBe(
      '2 Files · search: waltz · failed',
    );
  });
});

import { describe, expect, it } from 'vitest';
import type { SearchResponse } from './api/index.js';
import { call, entry, onlinePeer, useHarness } from './test-helpers/harness.js';

const h = useHarness();

describe('a name holding a private-use character', () => {
  it.each([
    ['the word before it', 'report'],
    ['the word after it', 'final'],
    ['the whole run', 'report\u{E000}final'],
    ['a supplementary private-use character', 'report\u{F0000}final'],
    ['both words', 'report final'],
  ])('is found by %s', async (_what, q) => {
    // Given a peer sharing a name with U+E000 between two words
    const token = await onlinePeer(h.app, 'alice', [
      entry('report\u{E000}final.pdf', 'icon'),
    ]);
    // When someone searches for it
    const res = await call(
      h.app,
      'GET',
      `/v1/search?q=${encodeURIComponent(q)}`,
      { token },
    );
    // Then the private-use character separates words, as in the query
    const { results } = res.json<SearchResponse>();
    expect(results.map((r) => r.name)).toEqual(['report\u{E000}final.pdf']);
  });
});

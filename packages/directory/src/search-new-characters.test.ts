import { describe, expect, it } from 'vitest';
import type { SearchResponse } from './api/index.js';
import { call, entry, onlinePeer, useHarness } from './test-helpers/harness.js';

const h = useHarness();

/**
 * SQLite's unicode61 tables are from Unicode 6.1: it keeps a character
 * assigned since then inside a word whatever it is (an emoji too), and does
 * not fold the case of letters added since. Queries are read with current
 * Unicode.
 */
describe('a name holding characters newer than Unicode 6.1', () => {
  it.each([
    // U+1F910 (Unicode 8) is a symbol: it separates words
    ['holiday\u{1F910}photos.jpg', 'photos'],
    ['holiday\u{1F910}photos.jpg', 'holiday\u{1F910}photos'],
    // Georgian Mtavruli (Unicode 11) is the capital form of Mkhedruli
    [
      '\u{1CA1}\u{1C90}\u{1CA5}\u{1C90}\u{1CA0}\u{1C97}.txt',
      '\u{1CA1}\u{1C90}\u{1CA5}\u{1C90}\u{1CA0}\u{1C97}',
    ],
    [
      '\u{1CA1}\u{1C90}\u{1CA5}\u{1C90}\u{1CA0}\u{1C97}.txt',
      '\u{10E1}\u{10D0}\u{10E5}\u{10D0}\u{10E0}\u{10D7}',
    ],
    // Adlam (Unicode 9) has capital and small letters
    [
      '\u{1E900}\u{1E923}\u{1E924}\u{1E922}\u{1E925} song.mp3',
      '\u{1E900}\u{1E923}\u{1E924}\u{1E922}\u{1E925}',
    ],
    [
      '\u{1E900}\u{1E923}\u{1E924}\u{1E922}\u{1E925} song.mp3',
      'song \u{1E922}\u{1E923}\u{1E924}',
    ],
  ])('%s is found by %s', async (name, q) => {
    // Given a peer sharing the name
    const token = await onlinePeer(h.app, 'alice', [entry(name, 'new')]);
    // When someone searches for a word they see in it
    const res = await call(
      h.app,
      'GET',
      `/v1/search?q=${encodeURIComponent(q)}`,
      { token },
    );
    // Then the index and the query split and fold words alike
    const { results } = res.json<SearchResponse>();
    expect(results.map((r) => r.name)).toEqual([name]);
  });
});

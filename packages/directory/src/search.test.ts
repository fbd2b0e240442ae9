import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResponse } from './api/index.js';
import type { Harness } from './test-helpers/harness.js';
import {
  call,
  entry,
  makeHarness,
  onlinePeer,
  sha,
} from './test-helpers/harness.js';

let h: Harness;
let token: string;

beforeAll(async () => {
  h = await makeHarness();
  // Given three peers; "blue danube waltz.flac" is held by all three
  await onlinePeer(
    h.app,
    'alice',
    [
      entry('Blue Danube Waltz.flac', 'waltz'),
      entry('danube-live-1998.mp3', 'live'),
      entry('The Danube (documentary).mkv', 'doc'),
      entry('quarterly report.pdf', 'report'),
    ],
    5001,
  );
  await onlinePeer(
    h.app,
    'bob',
    [entry('blue danube waltz.flac', 'waltz'), entry('Danube.mp3', 'short')],
    5002,
  );
  await onlinePeer(
    h.app,
    'carol',
    [entry('Waltz – Blue Danube.flac', 'waltz')],
    5003,
  );
  token = await onlinePeer(h.app, 'dave', [], 5004);
});
afterAll(async () => {
  await h.close();
});

async function search(query: string): Promise<SearchResponse> {
  const res = await call(h.app, 'GET', `/v1/search?${query}`, { token });
  expect(res.statusCode).toBe(200);
  return res.json<SearchResponse>();
}

describe('search', () => {
  it('returns one result per file with its names and source count', async () => {
    const { results } = await search('q=waltz');
    expect(results).toHaveLength(1);
    const [waltz] = results;
    expect(waltz?.sha256).toBe(sha('waltz'));
    expect(waltz?.sources).toBe(3);
    expect([...(waltz?.names ?? [])].sort()).toEqual(
      [
        'Blue Danube Waltz.flac',
        'Waltz – Blue Danube.flac',
        'blue danube waltz.flac',
      ].sort(),
    );
    expect(waltz?.piecesRoot).toBe(sha('pieces:waltz'));
  });

  it('matches words and word prefixes, case-insensitively, all words', async () => {
    const names = (r: SearchResponse) => r.results.map((x) => x.name).sort();
    expect(names(await search('q=DANU'))).toHaveLength(4);
    expect(names(await search('q=danube%20live'))).toEqual([
      'danube-live-1998.mp3',
    ]);
    expect(names(await search('q=quarter%20rep'))).toEqual([
      'quarterly report.pdf',
    ]);
    expect((await search('q=nothing-like-this')).results).toEqual([]);
  });

  it('ranks by relevance, then by online sources', async () => {
    const { results } = await search('q=danube');
    // the shortest name is the most relevant
    expect(results[0]?.name).toBe('Danube.mp3');
    const names = results.map((r) => r.name);
    expect(names).toHaveLength(4);
  });

  it('breaks relevance ties by the number of online sources', async () => {
    const hh = await makeHarness();
    try {
      await onlinePeer(
        hh.app,
        'peer1',
        [entry('alpha one.txt', 'A'), entry('alpha two.txt', 'B')],
        1,
      );
      await onlinePeer(hh.app, 'peer2', [entry('alpha two.txt', 'B')], 2);
      const t = await onlinePeer(
        hh.app,
        'peer3',
        [entry('alpha two.txt', 'B')],
        3,
      );
      const res = (
        await call(hh.app, 'GET', '/v1/search?q=alpha', { token: t })
      ).json<SearchResponse>();
      expect(res.results.map((r) => [r.name, r.sources])).toEqual([
        ['alpha two.txt', 3],
        ['alpha one.txt', 1],
      ]);
    } finally {
      await hh.close();
    }
  });

  it('filters by extension and size', async () => {
    expect(
      (await search('q=danube&ext=mp3')).results.map((r) => r.name).sort(),
    ).toEqual(['Danube.mp3', 'danube-live-1998.mp3']);
    expect((await search('q=danube&ext=.MP3')).results).toHaveLength(2);
    const big = await search(`q=danube&minSize=${'waltz'.length * 1000}`);
    expect(big.results.every((r) => r.size >= 5000)).toBe(true);
    const small = await search('q=danube&maxSize=4000');
    expect(small.results.map((r) => r.name).sort()).toEqual([
      'The Danube (documentary).mkv',
      'danube-live-1998.mp3',
    ]);
  });

  it('pages with a cursor without repeating or skipping', async () => {
    const all = (await search('q=danube&limit=200')).results.map(
      (r) => r.sha256,
    );
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: SearchResponse = await search(
        `q=danube&limit=1${cursor === null ? '' : `&cursor=${cursor}`}`,
      );
      paged.push(...page.results.map((r) => r.sha256));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(paged).toEqual(all);
  });

  async function pageThrough(
    app: Harness['app'],
    auth: string,
    query: string,
    limit: number,
  ): Promise<SearchResponse['results']> {
    const results: SearchResponse['results'] = [];
    let cursor: string | null = null;
    do {
      const res = await call(
        app,
        'GET',
        `/v1/search?${query}&limit=${limit}${cursor === null ? '' : `&cursor=${cursor}`}`,
        { token: auth },
      );
      expect(res.statusCode).toBe(200);
      const page = res.json<SearchResponse>();
      results.push(...page.results);
      cursor = page.nextCursor;
    } while (cursor !== null);
    return results;
  }

  it('pages past a later name of a file already shown without repeating it', async () => {
    const hh = await makeHarness();
    try {
      // Given file A under a short and a long name, and B, C ranked between
      const t = await onlinePeer(hh.app, 'gail', [
        entry('gamma.txt', 'A'),
        entry('gamma b.txt', 'B'),
        entry('gamma c d.txt', 'C'),
        entry('gamma long name here.txt', 'A'),
      ]);
      const paged = await pageThrough(hh.app, t, 'q=gamma', 1);
      expect(paged.map((r) => r.sha256)).toEqual([
        sha('A'),
        sha('B'),
        sha('C'),
      ]);
      expect(paged[0]?.names.sort()).toEqual([
        'gamma long name here.txt',
        'gamma.txt',
      ]);
    } finally {
      await hh.close();
    }
  });

  it('reads a common word past many pages of matches, best first, each file once', async () => {
    const hh = await makeHarness();
    try {
      // Given 700 files named with one common word and 0 to 6 other words
      const files = Array.from({ length: 700 }, (_v, i) =>
        entry(`omega ${'x '.repeat(i % 7)}${i}.txt`, `omega${i}`),
      );
      const t = await onlinePeer(hh.app, 'olga', files);
      const paged = await pageThrough(hh.app, t, 'q=OMEG', 200);
      expect(new Set(paged.map((r) => r.sha256)).size).toBe(700);
      // fewer words first, then shorter names
      const ranks = paged.map(
        (r) => r.name.split(/[ .]/).length * 1024 + r.name.length,
      );
      expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
      expect(paged[0]?.name).toMatch(/^omega \d\.txt$/);
    } finally {
      await hh.close();
    }
  });

  it('takes the first 128 names of a very large tie, the same on every page', async () => {
    const hh = await makeHarness();
    try {
      // Given 300 files whose names tie on words and length, and a worse one
      const files = Array.from({ length: 300 }, (_v, i) =>
        entry(`tie ${100 + i}.txt`, `tie${i}`),
      );
      files.push(entry('tie and more words.txt', 'worse'));
      const t = await onlinePeer(hh.app, 'tina', files);
      const paged = await pageThrough(hh.app, t, 'q=tie', 50);
      const first = await pageThrough(hh.app, t, 'q=tie', 200);
      expect(paged).toEqual(first);
      expect(new Set(paged.map((r) => r.sha256)).size).toBe(129);
      expect(paged.at(-1)?.name).toBe('tie and more words.txt');
    } finally {
      await hh.close();
    }
  });

  it('refuses a cursor from another query', async () => {
    const first = await search('q=danube&limit=1');
    const res = await call(
      h.app,
      'GET',
      `/v1/search?q=waltz&cursor=${first.nextCursor ?? ''}`,
      { token },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json<{ code: string }>().code).toBe('INVALID_CURSOR');
  });

  it.each([
    '"',
    '""',
    '*',
    'danube*',
    'NEAR(a b)',
    'a OR b',
    "'; DROP TABLE files; --",
    '%',
    '_',
    '\\',
    '{name}: x',
    'danube AND',
    '^danube',
    '-danube',
    '(((',
    '\u0301',
    'x'.repeat(1024),
  ])('treats %j literally, never failing', async (q) => {
    const res = await call(
      h.app,
      'GET',
      `/v1/search?q=${encodeURIComponent(q)}`,
      { token },
    );
    expect(res.statusCode).toBe(200);
  });

  it('refuses more than 16 words rather than dropping the rest', async () => {
    const sixteen = 'blue '.repeat(15) + 'danube';
    expect(
      (await search(`q=${encodeURIComponent(sixteen)}`)).results,
    ).not.toHaveLength(0);
    const res = await call(
      h.app,
      'GET',
      `/v1/search?q=${encodeURIComponent(`${sixteen} nowhere`)}`,
      { token },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ in: 'querystring', pointer: '/q' }],
    });
  });

  it.each([
    ['limit=1.5', '/limit'],
    ['limit=true', '/limit'],
    ['minSize=1006.5', '/minSize'],
    ['maxSize=1e3', '/maxSize'],
  ])('refuses %s rather than rounding it', async (param, pointer) => {
    const res = await call(h.app, 'GET', `/v1/search?q=danube&${param}`, {
      token,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      errors: [{ in: 'querystring', pointer }],
    });
  });

  it('names the field when minSize exceeds maxSize', async () => {
    const res = await call(h.app, 'GET', '/v1/search?q=a&minSize=5&maxSize=1', {
      token,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      errors: [{ in: 'querystring', pointer: '/minSize' }],
    });
  });

  it('answers 400, not 500, to 10 kB of query', async () => {
    const res = await call(
      h.app,
      'GET',
      `/v1/search?q=${'danube '.repeat(1500)}`,
      { token },
    );
    expect(res.statusCode).toBe(400);
  });

  it('lists the online sources of a file', async () => {
    const res = await call(h.app, 'GET', `/v1/files/${sha('waltz')}/sources`, {
      token,
    });
    const body = res.json<{
      sources: { username: string; port: number }[];
      size: number;
    }>();
    expect(body.sources.map((s) => s.username).sort()).toEqual([
      'alice',
      'bob',
      'carol',
    ]);
    expect(body.size).toBe(5000);
    const none = await call(
      h.app,
      'GET',
      `/v1/files/${sha('nobody has it')}/sources`,
      { token },
    );
    expect(none.json()).toEqual({
      sha256: sha('nobody has it'),
      size: null,
      piecesRoot: null,
      sources: [],
    });
    expect(
      (await call(h.app, 'GET', '/v1/files/XYZ/sources', { token })).statusCode,
    ).toBe(400);
  });
});

describe('names in compatibility characters', () => {
  it('are found by their plain spelling and by themselves', async () => {
    const own = await makeHarness();
    try {
      const asker = await onlinePeer(
        own.app,
        'alice',
        [
          entry('Ｔｅｓｔ Ｓｏｎｇ.mp3', 'wide'),
          entry('ﬁnal cut.mkv', 'ligature'),
        ],
        5001,
      );
      const names = async (q: string) => {
        const res = await call(
          own.app,
          'GET',
          `/v1/search?q=${encodeURIComponent(q)}`,
          { token: asker },
        );
        return res.json<SearchResponse>().results.map((r) => r.name);
      };
      expect(await names('test song')).toEqual(['Ｔｅｓｔ Ｓｏｎｇ.mp3']);
      expect(await names('Ｔｅｓｔ')).toEqual(['Ｔｅｓｔ Ｓｏｎｇ.mp3']);
      expect(await names('final')).toEqual(['ﬁnal cut.mkv']);
      expect(await names('ﬁnal cut')).toEqual(['ﬁnal cut.mkv']);
    } finally {
      await own.close();
    }
  });
});

describe('names shared only by offline peers', () => {
  it('match nothing, while the online holders’ names still match', async () => {
    // Given alice online with "ocean" as "ocean.mp3", bob logged out and
    // carol silent past the TTL, both holding the same bytes under other
    // names
    const own = await makeHarness();
    try {
      const asker = await onlinePeer(
        own.app,
        'alice',
        [entry('ocean.mp3', 'ocean')],
        5001,
      );
      const bob = await onlinePeer(
        own.app,
        'bob',
        [entry('secret tape.mp3', 'ocean')],
        5002,
      );
      await onlinePeer(own.app, 'carol', [entry('hidden gem.mp3', 'ocean')]);
      await call(own.app, 'DELETE', '/v1/sessions/current', { token: bob });
      own.clock.advance(60_001);
      await call(own.app, 'PUT', '/v1/peers/me', {
        token: asker,
        body: { host: '127.0.0.1', port: 5001 },
      });
      const search = async (q: string) =>
        (
          await call(own.app, 'GET', `/v1/search?q=${encodeURIComponent(q)}`, {
            token: asker,
          })
        ).json<SearchResponse>().results;
      // When anyone searches for the offline peers' names
      // Then nothing matches; alice's name finds the file, named as she names it
      expect(await search('secret')).toEqual([]);
      expect(await search('hidden gem')).toEqual([]);
      expect(await search('mp3')).toMatchObject([
        { name: 'ocean.mp3', names: ['ocean.mp3'], sources: 1 },
      ]);
      const sources = await call(
        own.app,
        'GET',
        `/v1/files/${sha('ocean')}/sources`,
        { token: asker },
      );
      expect(
        sources.json<{ sources: { username: string }[] }>().sources,
      ).toMatchObject([{ username: 'alice' }]);
    } finally {
      await own.close();
    }
  });
});

describe('sources that disagree on a file', () => {
  it('lists only the users making the claim most users make', async () => {
    // Given two users who hold "song" with its real size and root, and a
    // third, seen last, who claims other ones for the same sha256
    const own = await makeHarness();
    try {
      const honest = entry('song.mp3', 'song');
      await onlinePeer(own.app, 'alice', [honest], 5001);
      await onlinePeer(own.app, 'bob', [honest], 5002);
      const asker = await onlinePeer(
        own.app,
        'mallory',
        [{ ...honest, size: 1, piecesRoot: sha('forged root') }],
        5003,
      );
      // When anyone asks for its sources
      const res = await call(
        own.app,
        'GET',
        `/v1/files/${sha('song')}/sources`,
        {
          token: asker,
        },
      );
      // Then the honest claim and only its holders come back
      const body = res.json<{
        size: number;
        piecesRoot: string;
        sources: { username: string }[];
      }>();
      expect(body.size).toBe(honest.size);
      expect(body.piecesRoot).toBe(honest.piecesRoot);
      expect(body.sources.map((s) => s.username).sort()).toEqual([
        'alice',
        'bob',
      ]);
    } finally {
      await own.close();
    }
  });
});

describe('search results for sources that disagree on a file', () => {
  it('show the size and root most users claim, and filter by that size', async () => {
    // Given mallory, who indexes "song" first with a forged size and root,
    // and then alice and bob, who hold it with the real ones
    const own = await makeHarness();
    try {
      const honest = entry('song.mp3', 'song');
      const forged = { ...honest, size: 1, piecesRoot: sha('forged root') };
      const asker = await onlinePeer(own.app, 'mallory', [forged], 5003);
      await onlinePeer(own.app, 'alice', [honest], 5001);
      await onlinePeer(own.app, 'bob', [honest], 5002);
      const search = async (query: string) =>
        (
          await call(own.app, 'GET', `/v1/search?${query}`, { token: asker })
        ).json<SearchResponse>().results;
      // When anyone searches for it
      // Then the result shows the honest claim, as /sources does
      expect(await search('q=song')).toMatchObject([
        { size: honest.size, piecesRoot: honest.piecesRoot },
      ]);
      // And a size filter reads that claim, not the forged one
      expect(await search('q=song&maxSize=10')).toEqual([]);
      expect(
        await search(`q=song&minSize=${honest.size}&maxSize=${honest.size}`),
      ).toHaveLength(1);
    } finally {
      await own.close();
    }
  });
});

describe('property: no request yields a 5xx', () => {
  const method = fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE');
  const path = fc.constantFrom(
    '/v1/search',
    '/v1/peers',
    '/v1/peers/me',
    '/v1/peers/me/files',
    '/v1/users',
    '/v1/sessions',
    '/v1/sessions/current',
    '/v1/peers/alice/files',
    `/v1/files/${sha('waltz')}/sources`,
  );
  const queryValue = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.integer().map(String),
    fc.constant(''),
  );
  const query = fc.dictionary(
    fc.constantFrom(
      'q',
      'limit',
      'cursor',
      'minSize',
      'maxSize',
      'ext',
      'other',
    ),
    queryValue,
  );
  const body = fc.oneof(
    fc.jsonValue(),
    fc.record({ files: fc.array(fc.jsonValue(), { maxLength: 3 }) }),
    fc.record({
      add: fc.array(fc.jsonValue(), { maxLength: 3 }),
      remove: fc.array(fc.jsonValue(), { maxLength: 3 }),
    }),
    fc.record({
      host: fc.oneof(fc.string(), fc.ipV4(), fc.ipV6(), fc.domain()),
      port: fc.integer(),
    }),
    fc.record({ username: fc.string(), password: fc.string() }),
  );

  it('random bodies and queries get a 2xx or 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        method,
        path,
        query,
        body,
        fc.boolean(),
        async (m, p, q, b, authed) => {
          const url = `${p}?${new URLSearchParams(q).toString()}`;
          const res = await h.app.inject({
            method: m,
            url,
            headers: authed ? { authorization: `Bearer ${token}` } : {},
            ...(m === 'GET' || m === 'DELETE'
              ? {}
              : {
                  payload: JSON.stringify(b),
                  headers: {
                    'content-type': 'application/json',
                    ...(authed ? { authorization: `Bearer ${token}` } : {}),
                  },
                }),
          });
          expect(
            res.statusCode,
            `${m} ${url} ${JSON.stringify(b)} → ${res.body}`,
          ).toBeLessThan(500);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('random search text gets a 200 or 400', async () => {
    // the test above may have logged the shared token out
    const login = await call(h.app, 'POST', '/v1/sessions', {
      body: { username: 'dave', password: 'correct horse' },
    });
    token = login.json<{ token: string }>().token;
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', maxLength: 200 }),
        async (q) => {
          const res = await call(
            h.app,
            'GET',
            `/v1/search?q=${encodeURIComponent(q)}`,
            { token },
          );
          expect([200, 400]).toContain(res.statusCode);
        },
      ),
      { numRuns: 300 },
    );
  });
});

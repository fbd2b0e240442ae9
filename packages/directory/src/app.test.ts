import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ListFilesResponse, ListPeersResponse } from './api/index.js';
import { ErrorCode, PROBLEM_CONTENT_TYPE } from './api/index.js';
import { SqliteStore } from './store/sqlite/sqlite-store.js';
import {
  call,
  entry,
  onlinePeer,
  sha,
  signUp,
  useHarness,
} from './test-helpers/harness.js';

const h = useHarness();

function expectProblem(
  res: {
    statusCode: number;
    headers: Record<string, unknown>;
    json: () => unknown;
  },
  status: number,
  code: ErrorCode,
): void {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toContain(PROBLEM_CONTENT_TYPE);
  expect(res.json()).toMatchObject({ status, code });
}

describe('health and OpenAPI', () => {
  it('answers health without a token', async () => {
    const res = await call(h.app, 'GET', '/v1/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', nowMs: h.clock.nowMs });
  });

  it('publishes every route in the OpenAPI document', async () => {
    const res = await call(h.app, 'GET', '/v1/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ openapi: string; paths: Record<string, object> }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/users',
        '/v1/sessions',
        '/v1/sessions/current',
        '/v1/peers/me',
        '/v1/peers',
        '/v1/peers/me/files',
        '/v1/peers/{username}/files',
        '/v1/search',
        '/v1/files/{sha256}/sources',
        '/v1/health',
      ]),
    );
  });

  it('asks HEAD requests for the same token as GET', async () => {
    const token = await onlinePeer(h.app, 'alice', [entry('song.mp3')]);
    for (const url of [
      '/v1/search?q=song',
      '/v1/peers',
      '/v1/peers/alice/files',
      `/v1/files/${sha('x')}/sources`,
    ]) {
      expect((await call(h.app, 'HEAD', url)).statusCode, url).toBe(401);
      expect((await call(h.app, 'HEAD', url, { token })).statusCode, url).toBe(
        200,
      );
    }
    expect((await call(h.app, 'HEAD', '/v1/health')).statusCode).toBe(200);
  });

  it('answers unknown routes and methods with problems', async () => {
    expectProblem(
      await call(h.app, 'GET', '/v1/nope'),
      404,
      ErrorCode.NotFound,
    );
    const notAllowed = await call(h.app, 'POST', '/v1/search');
    expectProblem(notAllowed, 405, ErrorCode.MethodNotAllowed);
    expect(notAllowed.headers['allow']).toBe('GET, HEAD');
    expect((await call(h.app, 'DELETE', '/v1/peers/me')).headers['allow']).toBe(
      'PUT',
    );
    const document = await call(h.app, 'POST', '/v1/openapi.json');
    expectProblem(document, 405, ErrorCode.MethodNotAllowed);
    expect(document.headers['allow']).toBe('GET, HEAD');
  });

  it('answers URLs the router cannot read with problems', async () => {
    expectProblem(
      await call(h.app, 'GET', '/v1/peers/%E0%A4%A/files'),
      400,
      ErrorCode.ValidationFailed,
    );
    expectProblem(
      await call(h.app, 'GET', `/v1/peers/${'a'.repeat(300)}/files`),
      400,
      ErrorCode.ValidationFailed,
    );
  });

  it.each(['q=%', 'q=%ZZtrack', 'q=track%', 'q=%ED%A0%80'])(
    'answers the query %s, not percent-encoded UTF-8, with a 400',
    async (query) => {
      const token = await signUp(h.app, 'alice');
      const res = await call(h.app, 'GET', `/v1/search?${query}`, { token });
      expectProblem(res, 400, ErrorCode.ValidationFailed);
      expect(res.json()).toMatchObject({
        errors: [{ in: 'querystring', pointer: '' }],
      });
    },
  );

  it('refuses a text/plain body with 415', async () => {
    expectProblem(
      await call(h.app, 'POST', '/v1/users', {
        body: 'username=alice',
        headers: { 'content-type': 'text/plain' },
      }),
      415,
      ErrorCode.UnsupportedMediaType,
    );
  });
});

describe('accounts and sessions', () => {
  it('registers, logs in and logs out', async () => {
    // Given a new account
    const created = await call(h.app, 'POST', '/v1/users', {
      body: { username: 'alice', password: 'password1' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({
      username: 'alice',
      createdAtMs: h.clock.nowMs,
    });
    // When it logs in
    const login = await call(h.app, 'POST', '/v1/sessions', {
      body: { username: 'alice', password: 'password1' },
    });
    expect(login.statusCode).toBe(201);
    const session = login.json<{
      token: string;
      expiresAtMs: number;
      expiresAt: string;
      username: string;
    }>();
    expect(session.username).toBe('alice');
    expect(
      Buffer.from(session.token, 'base64url').length,
    ).toBeGreaterThanOrEqual(16);
    expect(new Date(session.expiresAt).getTime()).toBe(session.expiresAtMs);
    // Then the token works until logout
    expect(
      (await call(h.app, 'GET', '/v1/peers', { token: session.token }))
        .statusCode,
    ).toBe(200);
    expect(
      (
        await call(h.app, 'DELETE', '/v1/sessions/current', {
          token: session.token,
        })
      ).statusCode,
    ).toBe(204);
    expectProblem(
      await call(h.app, 'GET', '/v1/peers', { token: session.token }),
      401,
      ErrorCode.Unauthorized,
    );
  });

  it('refuses a taken username', async () => {
    await signUp(h.app, 'alice');
    const again = await call(h.app, 'POST', '/v1/users', {
      body: { username: 'alice', password: 'password2' },
    });
    expectProblem(again, 409, ErrorCode.UsernameTaken);
  });

  it.each([
    [{ username: 'al', password: 'password1' }, '/username'],
    [{ username: 'A'.repeat(5), password: 'password1' }, '/username'],
    [{ username: 'a'.repeat(33), password: 'password1' }, '/username'],
    [{ username: 'bad name', password: 'password1' }, '/username'],
    [{ username: 'alice', password: 'short' }, '/password'],
    [{ username: 'alice', password: 'é'.repeat(3) }, '/password'],
    [{ username: 'alice', password: 'x'.repeat(1025) }, '/password'],
    [{ username: 'alice' }, ''],
    [{ username: 'alice', password: 'password1', admin: true }, '/admin'],
  ])('rejects registration %j naming %s', async (body, pointer) => {
    const res = await call(h.app, 'POST', '/v1/users', { body });
    expectProblem(res, 400, ErrorCode.ValidationFailed);
    const problem = res.json<{ errors?: { pointer: string }[] }>();
    expect(problem.errors?.[0]?.pointer).toBe(pointer);
  });

  it('accepts a password of 8 multi-byte bytes and names with . _ -', async () => {
    const res = await call(h.app, 'POST', '/v1/users', {
      body: { username: 'a.b_c-9', password: 'éééé' },
    });
    expect(res.statusCode).toBe(201);
  });

  it('gives a wrong password and an unknown user the same 401', async () => {
    await signUp(h.app, 'alice');
    const wrong = await call(h.app, 'POST', '/v1/sessions', {
      body: { username: 'alice', password: 'wrong password' },
    });
    const unknown = await call(h.app, 'POST', '/v1/sessions', {
      body: { username: 'nobody', password: 'wrong password' },
    });
    expectProblem(wrong, 401, ErrorCode.InvalidCredentials);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.body).toBe(wrong.body);
  });

  it('expires sessions after their lifetime', async () => {
    const token = await signUp(h.app, 'alice');
    h.clock.advance(7 * 24 * 3600 * 1000 + 1);
    expectProblem(
      await call(h.app, 'GET', '/v1/peers', { token }),
      401,
      ErrorCode.Unauthorized,
    );
  });

  it('clears expired sessions when someone logs in', async () => {
    await signUp(h.app, 'alice');
    await signUp(h.app, 'bob');
    const sessions = () => {
      const db = new BetterSqlite3(h.dbPath, { readonly: true });
      try {
        return db.prepare('SELECT count(*) AS n FROM sessions').get() as {
          n: number;
        };
      } finally {
        db.close();
      }
    };
    expect(sessions().n).toBe(2);
    h.clock.advance(7 * 24 * 3600 * 1000 + 1);
    await call(h.app, 'POST', '/v1/sessions', {
      body: { username: 'alice', password: 'correct horse' },
    });
    expect(sessions().n).toBe(1);
  });

  it.each([
    ['PUT', '/v1/peers/me'],
    ['GET', '/v1/peers'],
    ['PUT', '/v1/peers/me/files'],
    ['PATCH', '/v1/peers/me/files'],
    ['GET', '/v1/peers/alice/files'],
    ['GET', '/v1/search?q=a'],
    ['GET', `/v1/files/${sha('x')}/sources`],
    ['DELETE', '/v1/sessions/current'],
  ] as const)('%s %s needs a token', async (method, url) => {
    expectProblem(await call(h.app, method, url), 401, ErrorCode.Unauthorized);
    expectProblem(
      await call(h.app, method, url, { token: 'not-a-real-token' }),
      401,
      ErrorCode.Unauthorized,
    );
  });
});

describe('rate limits', () => {
  it('limits failed logins per username with 429 and Retry-After', async () => {
    await h.rebuild({
      loginLimitPerUser: { points: 3, durationSeconds: 60 },
    });
    await signUp(h.app, 'alice');
    for (let i = 0; i < 3; i += 1) {
      const res = await call(h.app, 'POST', '/v1/sessions', {
        body: { username: 'alice', password: 'wrong password' },
      });
      expect(res.statusCode).toBe(401);
    }
    const limited = await call(h.app, 'POST', '/v1/sessions', {
      body: { username: 'alice', password: 'correct horse' },
    });
    expectProblem(limited, 429, ErrorCode.RateLimited);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('counts failed logins sent in parallel before checking them', async () => {
    // Given a store whose password lookup holds every login until all
    // eleven below have reached it or been answered, so that all of them
    // are in flight at once
    const requests = 11;
    let arrived = 0;
    let answered = 0;
    let armed = false;
    let open = (): void => undefined;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const check = () => {
      if (arrived + answered === requests) open();
    };
    class GatedStore extends SqliteStore {
      override async findCredentials(username: string) {
        if (armed) {
          arrived += 1;
          check();
          await gate;
        }
        return super.findCredentials(username);
      }
    }
    await h.rebuild(
      { loginLimitPerUser: { points: 3, durationSeconds: 60 } },
      (file) => new GatedStore({ file }),
    );
    await signUp(h.app, 'alice');
    armed = true;
    // When ten wrong guesses and then the right password arrive together
    const passwords = [
      ...Array.from({ length: requests - 1 }, (_, i) => `wrong guess ${i}`),
      'correct horse',
    ];
    const statuses = await Promise.all(
      passwords.map((password) =>
        call(h.app, 'POST', '/v1/sessions', {
          body: { username: 'alice', password },
        }).then((res) => {
          answered += 1;
          check();
          return res.statusCode;
        }),
      ),
    );
    // Then only three are checked; the right password comes too late
    expect(statuses.filter((status) => status === 401)).toHaveLength(3);
    expect(statuses.filter((status) => status === 429)).toHaveLength(8);
    expect(statuses.at(-1)).toBe(429);
  });

  it('gives a successful login its point back', async () => {
    await h.rebuild({
      loginLimitPerUser: { points: 3, durationSeconds: 60 },
    });
    await signUp(h.app, 'alice');
    const login = (password: string) =>
      call(h.app, 'POST', '/v1/sessions', {
        body: { username: 'alice', password },
      }).then((res) => res.statusCode);
    expect([await login('wrong one'), await login('wrong two')]).toEqual([
      401, 401,
    ]);
    expect(await login('correct horse')).toBe(201);
    expect(await login('wrong three')).toBe(401);
    expect(await login('correct horse')).toBe(429);
  });

  it('limits registrations per IP', async () => {
    await h.rebuild({
      registerLimitPerIp: { points: 2, durationSeconds: 60 },
    });
    await signUp(h.app, 'user1');
    await signUp(h.app, 'user2');
    const res = await call(h.app, 'POST', '/v1/users', {
      body: { username: 'user3', password: 'password1' },
    });
    expectProblem(res, 429, ErrorCode.RateLimited);
  });
});

describe('peers', () => {
  it('announces, lists online peers with totals and tells the TTL', async () => {
    const token = await signUp(h.app, 'alice');
    const res = await call(h.app, 'PUT', '/v1/peers/me', {
      token,
      body: { port: 6000 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      username: 'alice',
      host: '127.0.0.1',
      port: 6000,
      lastSeenMs: h.clock.nowMs,
      ttlMs: 60_000,
      onlineUntilMs: h.clock.nowMs + 60_000,
    });
    await call(h.app, 'PUT', '/v1/peers/me/files', {
      token,
      body: { files: [entry('a.mp3'), entry('bb.mp3')] },
    });
    const list = (
      await call(h.app, 'GET', '/v1/peers', { token })
    ).json<ListPeersResponse>();
    expect(list.peers).toEqual([
      {
        username: 'alice',
        host: '127.0.0.1',
        port: 6000,
        fileCount: 2,
        totalBytes: 5000 + 6000,
        lastSeenMs: h.clock.nowMs,
      },
    ]);
  });

  it.each([
    '0.0.0.0',
    '::',
    '0:0:0:0:0:0:0:0',
    '224.0.0.1',
    '255.255.255.255',
    'ff02::1',
    '999.1.1.1',
    'bad_host',
    '-x.example',
  ])('refuses to announce host %s', async (host) => {
    const token = await signUp(h.app, 'alice');
    const res = await call(h.app, 'PUT', '/v1/peers/me', {
      token,
      body: { host, port: 6000 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ code: string }>().code).toMatch(
      /INVALID_ADDRESS|VALIDATION_FAILED/,
    );
  });

  it.each([
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['::0.0.0.0', 'unspecified'],
    ['::ffff:0.0.0.0', 'unspecified'],
    ['0.1.2.3', '0.0.0.0/8'],
    ['fe80::1', 'link-local'],
    ['FE80::abcd', 'link-local'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
  ])('refuses unreachable host %s as %s', async (host, reason) => {
    const token = await signUp(h.app, 'alice');
    const res = await call(h.app, 'PUT', '/v1/peers/me', {
      token,
      body: { host, port: 6000 },
    });
    expectProblem(res, 400, ErrorCode.InvalidAddress);
    expect(res.json<{ detail: string }>().detail).toContain(reason);
  });

  it.each(['0x0', '0xffffffff', '0xe0000001', '0x7f.1', '127.1', 'peer.0X1F'])(
    'refuses %s, an IPv4 address to resolvers, not in dotted decimal',
    async (host) => {
      const token = await signUp(h.app, 'alice');
      const res = await call(h.app, 'PUT', '/v1/peers/me', {
        token,
        body: { host, port: 6000 },
      });
      expectProblem(res, 400, ErrorCode.InvalidAddress);
      expect(res.json<{ detail: string }>().detail).toContain(
        'write it as four decimal numbers',
      );
    },
  );

  it.each(['peer7.example', 'x0', '0xdead.lan', 'files.example.'])(
    'takes host name %s',
    async (host) => {
      const token = await signUp(h.app, 'alice');
      const res = await call(h.app, 'PUT', '/v1/peers/me', {
        token,
        body: { host, port: 6000 },
      });
      expect(res.statusCode).toBe(200);
    },
  );

  it.each([0, 65536, -1, 1.5, '80'])('refuses port %j', async (port) => {
    const token = await signUp(h.app, 'alice');
    const res = await call(h.app, 'PUT', '/v1/peers/me', {
      token,
      body: { port },
    });
    expectProblem(res, 400, ErrorCode.ValidationFailed);
  });

  it('accepts host names and IPv6 literals', async () => {
    const token = await signUp(h.app, 'alice');
    for (const host of [
      'peer.example.org',
      '::1',
      '127.0.0.1',
      '127.8.9.10',
      'fe80::1%eth0',
      '10.0.0.7',
      '192.168.1.20',
      '172.16.0.1',
      'fd00::7',
      '1.0.0.1',
    ]) {
      const res = await call(h.app, 'PUT', '/v1/peers/me', {
        token,
        body: { host, port: 1 },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json<{ host: string }>().host).toBe(host);
    }
  });

  it('takes a silent peer offline after the TTL and back on heartbeat', async () => {
    const alice = await onlinePeer(h.app, 'alice', [entry('song.mp3')]);
    const bob = await signUp(h.app, 'bob');
    const names = async () =>
      (await call(h.app, 'GET', '/v1/peers', { token: bob }))
        .json<ListPeersResponse>()
        .peers.map((p) => p.username);
    const hits = async () =>
      (await call(h.app, 'GET', '/v1/search?q=song', { token: bob })).json<{
        results: unknown[];
      }>().results.length;
    expect(await names()).toEqual(['alice']);
    h.clock.advance(60_000);
    expect(await names()).toEqual(['alice']);
    expect(await hits()).toBe(1);
    h.clock.advance(1);
    expect(await names()).toEqual([]);
    expect(await hits()).toBe(0);
    const sources = await call(
      h.app,
      'GET',
      `/v1/files/${sha('song.mp3')}/sources`,
      { token: bob },
    );
    expect(sources.json<{ sources: unknown[] }>().sources).toEqual([]);
    // heartbeat brings it back
    await call(h.app, 'PUT', '/v1/peers/me', {
      token: alice,
      body: { port: 5000 },
    });
    expect(await names()).toEqual(['alice']);
    expect(await hits()).toBe(1);
  });

  it('takes a peer offline at once on logout', async () => {
    const alice = await onlinePeer(h.app, 'alice', [entry('song.mp3')]);
    const bob = await signUp(h.app, 'bob');
    await call(h.app, 'DELETE', '/v1/sessions/current', { token: alice });
    const peers = (
      await call(h.app, 'GET', '/v1/peers', { token: bob })
    ).json<ListPeersResponse>();
    expect(peers.peers).toEqual([]);
    const hits = (
      await call(h.app, 'GET', '/v1/search?q=song', { token: bob })
    ).json<{ results: unknown[] }>();
    expect(hits.results).toEqual([]);
  });

  it('pages through peers by username', async () => {
    for (const name of ['carol', 'alice', 'bob'])
      await onlinePeer(h.app, name, []);
    const token = await signUp(h.app, 'zed');
    const first = (
      await call(h.app, 'GET', '/v1/peers?limit=2', { token })
    ).json<ListPeersResponse>();
    expect(first.peers.map((p) => p.username)).toEqual(['alice', 'bob']);
    const second = (
      await call(
        h.app,
        'GET',
        `/v1/peers?limit=2&cursor=${first.nextCursor ?? ''}`,
        { token },
      )
    ).json<ListPeersResponse>();
    expect(second.peers.map((p) => p.username)).toEqual(['carol']);
    expect(second.nextCursor).toBeNull();
  });
});

describe('the index', () => {
  it('keeps totalBytes exact, refusing a write whose sizes add up past 2^53 - 1', async () => {
    const max = Number.MAX_SAFE_INTEGER;
    const token = await onlinePeer(h.app, 'alice', []);
    const files = (body: unknown, method: 'PUT' | 'PATCH' = 'PUT') =>
      call(h.app, method, '/v1/peers/me/files', { token, body });
    // Given an index whose sizes add up to exactly the largest safe integer
    const full = await files({
      files: [
        entry('a.bin', 'a', { size: max - 1 }),
        entry('b.bin', 'b', { size: 1 }),
      ],
    });
    expect(full.json()).toEqual({ fileCount: 2, totalBytes: max });
    // When a PATCH or a PUT would take the total past it
    const patch = await files(
      { add: [entry('c.bin', 'c', { size: 1 })], remove: [] },
      'PATCH',
    );
    const put = await files({
      files: [0, 1, 2].map((i) => entry(`big${i}.bin`, `${i}`, { size: max })),
    });
    // Then both are refused and change nothing
    for (const res of [patch, put]) {
      expectProblem(res, 400, ErrorCode.ValidationFailed);
      expect(res.json<{ detail: string }>().detail).toContain(
        'would add up to more than 9,007,199,254,740,991 bytes',
      );
    }
    const browse = await call(h.app, 'GET', '/v1/peers/alice/files', {
      token,
    });
    expect(browse.json()).toMatchObject({ fileCount: 2, totalBytes: max });
    // And emptying the index brings the total back to exactly 0
    expect((await files({ files: [] })).json()).toEqual({
      fileCount: 0,
      totalBytes: 0,
    });
  });

  it('replaces, patches and browses an index', async () => {
    const token = await onlinePeer(h.app, 'alice', [
      entry('a.txt'),
      entry('b.txt'),
      entry('c.txt'),
    ]);
    // PUT replaces the whole index
    const put = await call(h.app, 'PUT', '/v1/peers/me/files', {
      token,
      body: { files: [entry('b.txt'), entry('d.txt')] },
    });
    expect(put.json()).toEqual({ fileCount: 2, totalBytes: 10_000 });
    // PATCH removes by path, then adds or replaces by path
    const patch = await call(h.app, 'PATCH', '/v1/peers/me/files', {
      token,
      body: {
        add: [entry('e.txt'), entry('b.txt', 'new content of b')],
        remove: ['share/d.txt', 'share/missing.txt'],
      },
    });
    expect(patch.statusCode).toBe(200);
    const browse = (
      await call(h.app, 'GET', '/v1/peers/alice/files', { token })
    ).json<ListFilesResponse>();
    expect(browse.online).toBe(true);
    expect(browse.files).toEqual([
      entry('b.txt', 'new content of b'),
      entry('e.txt'),
    ]);
    expect(browse.fileCount).toBe(2);
    expect(patch.json()).toEqual({ fileCount: 2, totalBytes: 16_000 + 5000 });
  });

  it('keeps the same bytes under two paths as two entries and one source', async () => {
    const token = await onlinePeer(h.app, 'alice', [
      entry('x.bin', 'same', { path: 'one/x.bin' }),
      entry('y.bin', 'same', { path: 'two/y.bin' }),
    ]);
    const files = (
      await call(h.app, 'GET', '/v1/peers/alice/files', { token })
    ).json<ListFilesResponse>();
    expect(files.files.map((f) => f.path)).toEqual(['one/x.bin', 'two/y.bin']);
    const sources = (
      await call(h.app, 'GET', `/v1/files/${sha('same')}/sources`, { token })
    ).json<{ sources: unknown[] }>();
    expect(sources.sources).toHaveLength(1);
    const search = (
      await call(h.app, 'GET', '/v1/search?q=bin', { token })
    ).json<{ results: { names: string[]; sources: number }[] }>();
    expect(search.results).toHaveLength(1);
    expect(search.results[0]?.sources).toBe(1);
    expect([...(search.results[0]?.names ?? [])].sort()).toEqual([
      'x.bin',
      'y.bin',
    ]);
    // removing one path keeps the file shared
    await call(h.app, 'PATCH', '/v1/peers/me/files', {
      token,
      body: { add: [], remove: ['one/x.bin'] },
    });
    const after = (
      await call(h.app, 'GET', `/v1/files/${sha('same')}/sources`, { token })
    ).json<{ sources: unknown[] }>();
    expect(after.sources).toHaveLength(1);
  });

  it('rejects a whole batch for one bad entry, naming entry and field', async () => {
    const token = await onlinePeer(h.app, 'alice', [entry('keep.txt')]);
    const files = [
      entry('a.txt'),
      { ...entry('b.txt'), sha256: 'ABC' },
      entry('c.txt'),
    ];
    const res = await call(h.app, 'PUT', '/v1/peers/me/files', {
      token,
      body: { files },
    });
    expectProblem(res, 400, ErrorCode.ValidationFailed);
    expect(res.json<{ detail: string }>().detail).toContain('/files/1/sha256');
    const browse = (
      await call(h.app, 'GET', '/v1/peers/alice/files', { token })
    ).json<ListFilesResponse>();
    expect(browse.files.map((f) => f.name)).toEqual(['keep.txt']);
  });

  it('names only the first bad entry of a large batch, with each bad field', async () => {
    // Given 200,000 entries of which the 4th (two bad fields) and the last
    // are bad
    const token = await signUp(h.app, 'alice');
    const files = Array.from({ length: 200_000 }, (_, i) =>
      entry(`file ${i}.dat`),
    );
    files[3] = { ...entry('three.dat'), size: -1, sha256: 'ABC' };
    files[199_999] = { ...entry('last.dat'), sha256: 'ABC' };
    // When they are uploaded
    const res = await call(h.app, 'PUT', '/v1/peers/me/files', {
      token,
      body: { files },
    });
    // Then the problem lists the 4th entry's fields and nothing after it
    expectProblem(res, 400, ErrorCode.ValidationFailed);
    const pointers = res
      .json<{ errors: { pointer: string }[] }>()
      .errors.map((e) => e.pointer);
    expect([...new Set(pointers)].sort()).toEqual([
      '/files/3/sha256',
      '/files/3/size',
    ]);
  });

  it('names the first bad path to remove and a batch over the limit', async () => {
    const token = await signUp(h.app, 'alice');
    const remove = Array.from({ length: 150_001 }, (_, i) => `p${i}`);
    remove[150_000] = '';
    const patched = await call(h.app, 'PATCH', '/v1/peers/me/files', {
      token,
      body: { add: [entry('a.txt')], remove },
    });
    expectProblem(patched, 400, ErrorCode.ValidationFailed);
    expect(patched.json<{ detail: string }>().detail).toContain(
      'body/remove/150000',
    );
    const tooMany = await call(h.app, 'PUT', '/v1/peers/me/files', {
      token,
      body: { files: new Array(200_001).fill(entry('a.txt')) },
    });
    expectProblem(tooMany, 400, ErrorCode.ValidationFailed);
    expect(tooMany.json<{ detail: string }>().detail).toBe(
      'body/files: must not have more than 200000 items',
    );
  });

  it.each([
    ['size', -1],
    ['size', 1.5],
    ['piecesRoot', 'f'.repeat(63)],
    ['name', ''],
    ['path', ''],
    ['mtimeMs', 'yesterday'],
  ])('rejects %s = %j', async (field, value) => {
    const token = await signUp(h.app, 'alice');
    const res = await call(h.app, 'PUT', '/v1/peers/me/files', {
      token,
      body: { files: [{ ...entry('a.txt'), [field]: value }] },
    });
    expectProblem(res, 400, ErrorCode.ValidationFailed);
    expect(res.json<{ detail: string }>().detail).toContain(
      `/files/0/${field}`,
    );
  });

  it('rejects a string with a lone surrogate, naming the field', async () => {
    const token = await onlinePeer(h.app, 'alice', []);
    const res = await call(h.app, 'PUT', '/v1/peers/me/files', {
      token,
      body: { files: [entry('fine.mp3'), entry('bad\ud800.mp3')] },
    });
    expectProblem(res, 400, ErrorCode.ValidationFailed);
    expect(res.json()).toMatchObject({
      errors: [{ in: 'body', pointer: '/files/1/name' }],
    });
  });

  it('answers 503 with Retry-After while another writer holds the database', async () => {
    // Given an app whose store waits 50 ms for a lock, and a second
    // connection holding the write lock
    await h.rebuild({}, (file) => new SqliteStore({ file, busyTimeoutMs: 50 }));
    const token = await signUp(h.app, 'alice');
    const other = new BetterSqlite3(h.dbPath);
    other.exec('BEGIN IMMEDIATE');
    try {
      // When the app writes
      const res = await call(h.app, 'PUT', '/v1/peers/me', {
        token,
        body: { port: 7001 },
      });
      // Then it says the database is busy, not that it failed
      expectProblem(res, 503, ErrorCode.Unavailable);
      expect(res.headers['retry-after']).toBe('1');
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });

  it('rejects duplicate paths in one batch', async () => {
    const token = await signUp(h.app, 'alice');
    const res = await call(h.app, 'PUT', '/v1/peers/me/files', {
      token,
      body: { files: [entry('a.txt'), entry('a.txt', 'other')] },
    });
    expectProblem(res, 400, ErrorCode.DuplicatePath);
    expect(res.json<{ detail: string }>().detail).toContain('/files/1/path');
  });

  it('never lets one user change another user’s index', async () => {
    const alice = await onlinePeer(h.app, 'alice', [entry('alice.txt')]);
    const bob = await onlinePeer(h.app, 'bob', [entry('bob.txt')], 5001);
    // the body cannot name an owner, and "me" is always the token's user
    const sneaky = await call(h.app, 'PUT', '/v1/peers/me/files', {
      token: bob,
      body: { username: 'alice', files: [] },
    });
    expect(sneaky.statusCode).toBe(400);
    await call(h.app, 'PUT', '/v1/peers/me/files', {
      token: bob,
      body: { files: [] },
    });
    await call(h.app, 'PATCH', '/v1/peers/me/files', {
      token: bob,
      body: { add: [], remove: ['share/alice.txt'] },
    });
    expect(
      (
        await call(h.app, 'PUT', '/v1/peers/alice/files', {
          token: bob,
          body: { files: [] },
        })
      ).statusCode,
    ).toBe(405);
    const aliceFiles = (
      await call(h.app, 'GET', '/v1/peers/alice/files', { token: alice })
    ).json<ListFilesResponse>();
    expect(aliceFiles.files.map((f) => f.name)).toEqual(['alice.txt']);
    const announce = await call(h.app, 'PUT', '/v1/peers/me', {
      token: bob,
      body: { port: 7000 },
    });
    expect(announce.json<{ username: string }>().username).toBe('bob');
  });

  it('pages through a peer’s index and 404s an unknown user', async () => {
    const files = Array.from({ length: 25 }, (_, i) =>
      entry(`f${String(i).padStart(2, '0')}.txt`),
    );
    const token = await onlinePeer(h.app, 'alice', files);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/v1/peers/alice/files?limit=10${cursor === null ? '' : `&cursor=${cursor}`}`;
      const page: ListFilesResponse = (
        await call(h.app, 'GET', url, { token })
      ).json<ListFilesResponse>();
      seen.push(...page.files.map((f) => f.name));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual(files.map((f) => f.name));
    expectProblem(
      await call(h.app, 'GET', '/v1/peers/nobody/files', { token }),
      404,
      ErrorCode.UserNotFound,
    );
    expectProblem(
      await call(h.app, 'GET', '/v1/peers/alice/files?cursor=garbage', {
        token,
      }),
      400,
      ErrorCode.InvalidCursor,
    );
  });

  it('accepts 100,000 entries in one request', async () => {
    const token = await signUp(h.app, 'alice');
    const files = Array.from({ length: 100_000 }, (_, i) =>
      entry(`file ${i}.dat`),
    );
    const res = await call(h.app, 'PUT', '/v1/peers/me/files', {
      token,
      body: { files },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ fileCount: number }>().fileCount).toBe(100_000);
  });

  it('refuses a body that is not JSON', async () => {
    const token = await signUp(h.app, 'alice');
    const res = await call(h.app, 'PUT', '/v1/peers/me/files', {
      token,
      body: '{"files": [',
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(res, 400, ErrorCode.MalformedJson);
    const text = await call(h.app, 'PUT', '/v1/peers/me/files', {
      token,
      body: 'files',
      headers: { 'content-type': 'application/xml' },
    });
    expectProblem(text, 415, ErrorCode.UnsupportedMediaType);
  });
});

describe('persistence', () => {
  it('keeps users, sessions, peers and indexes across a restart', async () => {
    const token = await onlinePeer(h.app, 'alice', [entry('song.mp3')]);
    await h.restart();
    const res = await call(h.app, 'GET', '/v1/search?q=song', { token });
    expect(res.statusCode).toBe(200);
    expect(
      res.json<{ results: { name: string }[] }>().results.map((r) => r.name),
    ).toEqual(['song.mp3']);
  });
});

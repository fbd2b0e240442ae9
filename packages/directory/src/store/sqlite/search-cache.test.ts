import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entry, sha } from '../../test-helpers/harness.js';
import { SqliteStore } from './sqlite-store.js';

const NOW = 1_700_000_000_000;
const TTL = 60_000;

let dir = '';
let store: SqliteStore;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ferry-search-cache-'));
  store = new SqliteStore({ file: path.join(dir, 'cache.sqlite') });
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A user with a session, online since `nowMs`; returns ids. */
async function peer(
  username: string,
  nowMs = NOW,
): Promise<{ userId: number; sessionId: number }> {
  await store.createUser({ username, passwordHash: 'x', createdMs: nowMs });
  const tokenHash = Buffer.from(sha(`token:${username}`), 'hex');
  const userId = Number(
    store.db
      .prepare<[string], { id: number }>(
        'SELECT id FROM users WHERE username = ?',
      )
      .get(username)?.id,
  );
  await store.createSession({
    userId,
    tokenHash,
    createdMs: nowMs,
    expiresMs: nowMs + 10 * TTL,
  });
  const session = await store.findSession(tokenHash, nowMs);
  if (session === undefined) throw new Error('no session');
  await announce(userId, session.sessionId, nowMs);
  return { userId, sessionId: session.sessionId };
}

function announce(userId: number, sessionId: number, nowMs: number) {
  return store.announce({
    userId,
    sessionId,
    host: '127.0.0.1',
    port: 4000 + userId,
    nowMs,
  });
}

/** The names of the results of searching "comet" at time `nowMs`. */
async function comets(nowMs = NOW): Promise<string[]> {
  const { hits } = await store.search({
    terms: ['comet'],
    sinceMs: nowMs - TTL,
    limit: 10,
    after: null,
    minSize: null,
    maxSize: null,
    ext: null,
  });
  return hits.map((hit) => `${hit.name} ×${hit.sources}`).sort();
}

describe('search result cache', () => {
  it('sees index writes made after a search', async () => {
    const alice = await peer('alice');
    await store.replaceIndex(alice.userId, [entry('comet one.txt')]);
    expect(await comets()).toEqual(['comet one.txt ×1']);
    await store.patchIndex(alice.userId, [entry('comet two.txt')], []);
    expect(await comets()).toEqual(['comet one.txt ×1', 'comet two.txt ×1']);
    await store.replaceIndex(alice.userId, [entry('comet two.txt')]);
    expect(await comets()).toEqual(['comet two.txt ×1']);
  });

  it('sees peers come online, log out and expire', async () => {
    const alice = await peer('alice');
    await store.replaceIndex(alice.userId, [entry('comet.txt')]);
    const bob = await peer('bob');
    await store.replaceIndex(bob.userId, [entry('comet.txt')]);
    expect(await comets()).toEqual(['comet.txt ×2']);
    await store.deleteSession(bob.sessionId);
    expect(await comets()).toEqual(['comet.txt ×1']);
    const later = NOW + TTL + 1;
    expect(await comets(later)).toEqual([]);
    await announce(alice.userId, alice.sessionId, later);
    expect(await comets(later)).toEqual(['comet.txt ×1']);
  });

  it('answers a repeated search from the cache until the store writes', async () => {
    const alice = await peer('alice');
    await store.replaceIndex(alice.userId, [entry('comet.txt')]);
    expect(await comets()).toEqual(['comet.txt ×1']);
    store.db.exec('UPDATE contents SET online_sources = 5');
    await announce(alice.userId, alice.sessionId, NOW + 1000);
    expect(await comets(NOW + 1000)).toEqual(['comet.txt ×1']);
    await store.patchIndex(alice.userId, [entry('other.txt')], []);
    expect(await comets(NOW + 1000)).toEqual(['comet.txt ×5']);
  });

  it('does not keep results holding more than 500 names', async () => {
    const alice = await peer('alice');
    // 30 files × 20 names of distinct lengths (no ties): 600 names.
    const files = Array.from({ length: 600 }, (_v, n) =>
      entry(`comet ${'x'.repeat(n + 1)}.txt`, `content ${n % 30}`),
    );
    await store.replaceIndex(alice.userId, files);
    const search = () =>
      store.search({
        terms: ['comet'],
        sinceMs: NOW - TTL,
        limit: 30,
        after: null,
        minSize: null,
        maxSize: null,
        ext: null,
      });
    const first = (await search()).hits;
    expect(first.reduce((sum, hit) => sum + hit.names.length, 0)).toBe(600);
    store.db.exec('UPDATE contents SET online_sources = 5');
    const second = (await search()).hits;
    expect(second.map((hit) => hit.sources)).toEqual(first.map(() => 5));
  });
});

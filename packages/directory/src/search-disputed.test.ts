import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  call,
  entry,
  onlinePeer,
  sha,
  useHarness,
} from './test-helpers/harness.js';

const h = useHarness();

const song = entry('song.mp3', 'song');
/** The same sha256 with another size and pieces root. */
const other = { ...song, size: 1, piecesRoot: sha('other root') };

/** Whether the directory marked the file `content` disputed. */
function disputed(content: string): number | undefined {
  const db = new BetterSqlite3(h.dbPath, { readonly: true });
  try {
    return db
      .prepare<[Buffer], { disputed: number }>(
        'SELECT disputed FROM contents WHERE sha256 = ?',
      )
      .get(Buffer.from(sha(content), 'hex'))?.disputed;
  } finally {
    db.close();
  }
}

describe('a file whose index entries disagree is marked disputed', () => {
  it('stays undisputed while every holder makes the same claim', async () => {
    await onlinePeer(h.app, 'alice', [song], 5001);
    await onlinePeer(h.app, 'bob', [song], 5002);
    expect(disputed('song')).toBe(0);
  });

  it('when a later holder claims another size or root', async () => {
    await onlinePeer(h.app, 'alice', [song], 5001);
    await onlinePeer(h.app, 'mallory', [other], 5002);
    expect(disputed('song')).toBe(1);
  });

  it('when a holder adds an entry with another claim', async () => {
    const token = await onlinePeer(h.app, 'mallory', [song], 5001);
    const added = await call(h.app, 'PATCH', '/v1/peers/me/files', {
      token,
      body: { add: [{ ...other, path: 'share/copy.mp3' }], remove: [] },
    });
    expect(added.statusCode).toBe(200);
    expect(disputed('song')).toBe(1);
  });

  it('when one upload holds entries that disagree', async () => {
    await onlinePeer(
      h.app,
      'mallory',
      [song, { ...other, path: 'share/copy.mp3' }],
      5001,
    );
    expect(disputed('song')).toBe(1);
  });

  it('and a size filter then reads the claim most users make', async () => {
    // Given alice, who indexes the song first, then two users who claim
    // another size for it
    const token = await onlinePeer(h.app, 'alice', [song], 5001);
    await onlinePeer(h.app, 'bob', [other], 5002);
    await onlinePeer(h.app, 'carol', [other], 5003);
    const results = async (filter: string) =>
      (
        await call(h.app, 'GET', `/v1/search?q=song&${filter}`, { token })
      ).json<{ results: { size: number }[] }>().results;
    // When anyone searches with a size filter
    // Then the claim of two users counts, not the first indexed one
    expect(await results('maxSize=10')).toEqual([
      expect.objectContaining({ size: other.size }),
    ]);
    expect(await results(`minSize=${song.size}`)).toEqual([]);
  });
});

describe('a disputed file', () => {
  /** Replaces the index of the user holding `token` with `files`. */
  async function upload(token: string, files: (typeof song)[]) {
    const res = await call(h.app, 'PUT', '/v1/peers/me/files', {
      token,
      body: { files },
    });
    expect(res.statusCode).toBe(200);
  }

  it('is undisputed again once the entry claiming otherwise is removed', async () => {
    // Given alice's song and mallory's other claim for it
    await onlinePeer(h.app, 'alice', [song], 5001);
    const mallory = await onlinePeer(h.app, 'mallory', [other], 5002);
    // When mallory drops it from her index
    await upload(mallory, []);
    // Then every entry left agrees, and the file is not disputed
    expect(disputed('song')).toBe(0);
  });

  it('takes the claim left when the first holder’s entry goes', async () => {
    // Given alice, who indexed the song first, and bob with another claim
    const alice = await onlinePeer(h.app, 'alice', [song], 5001);
    const bob = await onlinePeer(h.app, 'bob', [other], 5002);
    // When alice replaces her entry with a file of another name
    await upload(alice, [entry('else.mp3', 'else')]);
    // Then the file is undisputed and its size is bob's claim
    expect(disputed('song')).toBe(0);
    const found = await call(h.app, 'GET', '/v1/search?q=song&maxSize=10', {
      token: bob,
    });
    expect(found.json<{ results: { size: number }[] }>().results).toEqual([
      expect.objectContaining({ size: other.size }),
    ]);
  });

  it('stays disputed while entries left still disagree', async () => {
    // Given alice's song and two users claiming otherwise
    await onlinePeer(h.app, 'alice', [song], 5001);
    await onlinePeer(h.app, 'bob', [other], 5002);
    const carol = await onlinePeer(h.app, 'carol', [other], 5003);
    // When one of them drops it
    await upload(carol, []);
    // Then alice and bob still disagree
    expect(disputed('song')).toBe(1);
  });
});

import {
  appendFile,
  mkdir,
  rm,
  symlink,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import {
  LOCAL_DB_MIGRATIONS,
  openLocalDb,
  openShare,
  PeerConnection,
  PIECE_SIZE,
  ShareEvent,
  startPeerServer,
  type LocalDb,
  type Share,
  type ShareDelta,
} from '@ferry/peer-core';
import { afterEach, describe, expect, it } from 'vitest';
import { TempDirs, writeRandomFile } from './helpers/transfer-fixtures.js';

const temp = new TempDirs();
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await temp.cleanup();
});

async function openTestShare(
  root: string,
  dbFile?: string,
): Promise<{ share: Share; db: LocalDb }> {
  const db = openLocalDb(dbFile ?? join(await temp.make(), 'local.db'));
  const share = await openShare({ root, db, settleMs: 300, debounceMs: 100 });
  cleanups.push(() => {
    db.close();
  });
  cleanups.push(() => share.close());
  return { share, db };
}

/** The inotify watches this process holds (Linux). */
function inotifyWatches(): number {
  let count = 0;
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      if (readlinkSync(`/proc/self/fd/${fd}`) !== 'anon_inode:inotify')
        continue;
      const info = readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8');
      count += info
        .split('\n')
        .filter((line) => line.startsWith('inotify wd:')).length;
    } catch {
      // The descriptor closed while we looked.
    }
  }
  return count;
}

function nextDelta(share: Share): Promise<ShareDelta> {
  return new Promise((resolve) => share.once(ShareEvent.Delta, resolve));
}

describe('the local database', () => {
  it('applies each migration once, in WAL mode, and accepts appended ones', async () => {
    // Given a database file opened once with the built-in migrations
    const file = join(await temp.make(), 'state', 'local.db');
    openLocalDb(file).close();
    // When it is opened again with one more migration appended
    const db = openLocalDb(file, [
      ...LOCAL_DB_MIGRATIONS,
      {
        version: LOCAL_DB_MIGRATIONS.length + 1,
        description: 'a test table',
        up: (d) => d.exec('CREATE TABLE extra (id INTEGER PRIMARY KEY)'),
      },
    ]);
    // Then only the new step ran and the schema version moved on
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(
      LOCAL_DB_MIGRATIONS.length + 1,
    );
    expect(
      db.prepare("SELECT name FROM sqlite_master WHERE name = 'extra'").all(),
    ).toHaveLength(1);
    db.close();
    // And an older Ferry refuses the newer database instead of damaging it
    expect(() => openLocalDb(file)).toThrow(/newer than this Ferry/);
  });
});

describe('scanning a share', () => {
  it('keeps no hashes of another folder shared before with the same database', async () => {
    // Given two folders with a file at the same path, of the same size and
    // time stamp, but other bytes
    const first = await temp.make();
    const second = await temp.make();
    await writeRandomFile(join(first, 'song.flac'), PIECE_SIZE);
    const secondSha = await writeRandomFile(
      join(second, 'song.flac'),
      PIECE_SIZE,
    );
    const stamp = new Date('2026-01-02T03:04:05Z');
    await utimes(join(first, 'song.flac'), stamp, stamp);
    await utimes(join(second, 'song.flac'), stamp, stamp);
    // And the first one shared and scanned with a database
    const dbFile = join(await temp.make(), 'local.db');
    const before = await openTestShare(first, dbFile);
    await before.share.scan();
    await before.share.close();
    // When the second folder is shared with the same database
    const { share } = await openTestShare(second, dbFile);
    // Then it offers nothing of the first one, and hashes its own file
    expect(share.files()).toEqual([]);
    expect(await share.scan()).toMatchObject({
      hashedFiles: 1,
      cachedFiles: 0,
    });
    expect(share.files().map((file) => file.sha256)).toEqual([secondSha]);
  });

  it('keeps the hashes cached before it recorded which folder they are of', async () => {
    // Given a folder scanned with a database from before migration 3
    const root = await temp.make();
    await writeRandomFile(join(root, 'song.flac'), PIECE_SIZE);
    const dbFile = join(await temp.make(), 'local.db');
    const { share: scanned } = await openTestShare(root, dbFile);
    await scanned.scan();
    await scanned.close();
    const db = openLocalDb(dbFile);
    db.exec('DROP TABLE share_root');
    db.pragma('user_version = 2');
    db.close();
    // When it is shared again by this Ferry
    const { share } = await openTestShare(root, dbFile);
    // Then the cache is taken to be this folder's: nothing is read again
    expect(share.files()).toHaveLength(1);
    expect(await share.scan()).toMatchObject({
      hashedFiles: 0,
      cachedFiles: 1,
    });
  });

  it('hashes every file once and reads nothing on an unchanged rescan', async () => {
    // Given a share with files at several depths and sizes
    const root = await temp.make();
    const sha = await writeRandomFile(
      join(root, 'a', 'b', 'deep.bin'),
      3 * PIECE_SIZE + 7,
    );
    await writeRandomFile(join(root, 'empty.txt'), 0);
    await writeFile(join(root, 'Ünïcode ☃.txt'), 'hello');
    const dbFile = join(await temp.make(), 'local.db');
    const { share } = await openTestShare(root, dbFile);
    // When it is scanned, then scanned again
    const first = await share.scan();
    const second = await share.scan();
    // Then the first scan hashed all three, the second none
    expect(first).toMatchObject({
      fileCount: 3,
      hashedFiles: 3,
      cachedFiles: 0,
    });
    expect(second).toMatchObject({
      fileCount: 3,
      hashedFiles: 0,
      cachedFiles: 3,
    });
    const deep = share.files().find((file) => file.name === 'deep.bin');
    expect(deep).toMatchObject({
      path: 'a/b/deep.bin',
      sha256: sha,
      size: 3 * PIECE_SIZE + 7,
    });
    expect(share.files().map((file) => file.name)).toContain('Ünïcode ☃.txt');
    // And a new process (a new Share on the same database) reads nothing either
    const again = await openTestShare(root, dbFile);
    expect(await again.share.scan()).toMatchObject({
      hashedFiles: 0,
      cachedFiles: 3,
    });
  });

  it('computes the manifest and pieces root the way a downloader checks them', async () => {
    // Given a file of two and a half pieces
    const root = await temp.make();
    await writeRandomFile(join(root, 'f.bin'), 2.5 * PIECE_SIZE);
    const { share } = await openTestShare(root);
    await share.scan();
    const [entry] = share.files();
    // When its manifest is looked up by hash
    const served = share.lookup(entry?.sha256 ?? '');
    // Then it has three piece hashes whose hash is the pieces root
    const { createHash } = await import('node:crypto');
    expect(served?.pieceHashes).toHaveLength(3 * 32);
    expect(
      createHash('sha256')
        .update(served?.pieceHashes ?? Buffer.alloc(0))
        .digest('hex'),
    ).toBe(entry?.piecesRoot);
  });

  it('keeps links inside the root, skips links out of it, reports broken ones', async () => {
    // Given a share with a link inside, a link outside and a dangling link
    const root = await temp.make();
    const outside = await temp.make();
    await writeFile(join(root, 'real.txt'), 'inside');
    await writeFile(join(outside, 'secret.txt'), 'outside');
    await symlink(join(root, 'real.txt'), join(root, 'alias.txt'));
    await symlink(join(outside, 'secret.txt'), join(root, 'escape.txt'));
    await symlink(join(root, 'nowhere.txt'), join(root, 'broken.txt'));
    await symlink(outside, join(root, 'outside-dir'));
    const { share } = await openTestShare(root);
    const reported = new Promise((resolve) =>
      share.once(ShareEvent.Unreadable, resolve),
    );
    // When it is scanned
    const result = await share.scan();
    // Then only files inside the root are shared, and the broken link is reported
    expect(
      share
        .files()
        .map((file) => file.path)
        .sort(),
    ).toEqual(['alias.txt', 'real.txt']);
    expect(result.unreadable.map((file) => file.path)).toEqual(['broken.txt']);
    expect(await reported).toEqual(result.unreadable);
  });

  it('leaves out downloads under way, but not a .part file of its own', async () => {
    // Given a share that is also the download folder of a download under way
    const root = await temp.make();
    await writeFile(join(root, 'song.flac.part'), 'partial bytes');
    await writeFile(join(root, 'song.flac.part.ferry'), '{}');
    await writeFile(join(root, 'song.flac.part.ferry.tmp'), '{}');
    await mkdir(join(root, 'song.flac.part.ferry.lock'));
    await writeFile(join(root, 'song.flac.part.ferry.lock', 'stray'), 'x');
    await writeFile(join(root, 'notes.part'), 'a file of its own');
    await writeFile(join(root, 'done.txt'), 'done');
    // When it is scanned
    const db = openLocalDb(join(await temp.make(), 'local.db'));
    cleanups.push(() => {
      db.close();
    });
    const share = await openShare({ root, db, settleMs: 0 });
    cleanups.push(() => share.close());
    await share.scan();
    // Then only finished files and the unrelated .part are shared
    expect(
      share
        .files()
        .map((file) => file.path)
        .sort(),
    ).toEqual(['done.txt', 'notes.part']);
  });

  it('keeps serving gRPC while it hashes a big file', async () => {
    // Given a share with a 200 MiB file and a server on it
    const root = await temp.make();
    await writeRandomFile(join(root, 'big.bin'), 200 * PIECE_SIZE);
    const { share } = await openTestShare(root);
    const server = await startPeerServer({
      share,
      username: 'a',
      version: '0',
      listen: '127.0.0.1:0',
    });
    cleanups.push(() => server.close(100));
    const connection = new PeerConnection({
      host: '127.0.0.1',
      port: server.port,
    });
    cleanups.push(() => connection.close());
    // When a scan starts and a client asks for GetInfo meanwhile
    let scanned = false;
    const scan = share.scan().then(() => (scanned = true));
    const info = await connection.getInfo();
    // Then the answer comes while the scan is still hashing
    expect(info.fileCount).toBe(0);
    expect(scanned).toBe(false);
    await scan;
    expect(share.summary().fileCount).toBe(1);
  });
});

describe('watching a share', () => {
  it('emits added, changed and removed deltas', async () => {
    // Given a watched share with one file
    const root = await temp.make();
    await writeFile(join(root, 'old.txt'), 'old');
    const { share } = await openTestShare(root);
    await share.scan();
    await share.watch();
    // When a file is added
    const added = nextDelta(share);
    await writeFile(join(root, 'new.txt'), 'new');
    expect((await added).added.map((file) => file.path)).toEqual(['new.txt']);
    // And one is changed
    const changed = nextDelta(share);
    await writeFile(join(root, 'old.txt'), 'changed content');
    const change = await changed;
    expect(change.changed.map((file) => file.path)).toEqual(['old.txt']);
    expect(change.changed[0]?.size).toBe('changed content'.length);
    // And one is removed, in a new folder as well
    const removed = nextDelta(share);
    await rm(join(root, 'new.txt'));
    expect((await removed).removed.map((file) => file.path)).toEqual([
      'new.txt',
    ]);
    const nested = nextDelta(share);
    await mkdir(join(root, 'sub'));
    await writeFile(join(root, 'sub', 'n.txt'), 'n');
    expect((await nested).added.map((file) => file.path)).toEqual([
      'sub/n.txt',
    ]);
  });

  it('warns when the shared folder goes, and shares it again once it is back', async () => {
    // Given a watched share with one file
    const root = await temp.make();
    await writeFile(join(root, 'old.txt'), 'old');
    const { share } = await openTestShare(root);
    await share.scan();
    await share.watch();
    const warned = new Promise<Error>((resolve) =>
      share.once(ShareEvent.Warning, resolve),
    );
    // When the folder is removed
    const emptied = nextDelta(share);
    await rm(root, { recursive: true });
    // Then its file is no longer offered, and the user is told why
    expect((await emptied).removed.map((file) => file.path)).toEqual([
      'old.txt',
    ]);
    expect((await warned).message).toMatch(/shared folder .* is gone/);
    // And when a folder is made there again, its files are shared
    const back = nextDelta(share);
    await mkdir(root);
    await writeFile(join(root, 'new.txt'), 'new');
    expect((await back).added.map((file) => file.path)).toEqual(['new.txt']);
    // And it is watched again
    const later = nextDelta(share);
    await writeFile(join(root, 'later.txt'), 'later');
    expect((await later).added.map((file) => file.path)).toEqual(['later.txt']);
  });

  it('holds one inotify watch per folder, not one per file', async () => {
    // Given a share of two folders holding 60 files
    const root = await temp.make();
    await mkdir(join(root, 'sub'));
    for (let i = 0; i < 30; i++) {
      await writeFile(join(root, `top-${i}.txt`), 'top');
      await writeFile(join(root, 'sub', `low-${i}.txt`), 'low');
    }
    const before = inotifyWatches();
    // When it is watched
    const { share } = await openTestShare(root);
    await share.scan();
    await share.watch();
    // Then it watches the two folders
    expect(inotifyWatches() - before).toBe(2);
    // And still hears a file in the subfolder change
    const changed = nextDelta(share);
    await appendFile(join(root, 'sub', 'low-7.txt'), ' more');
    expect((await changed).changed.map((file) => file.path)).toEqual([
      'sub/low-7.txt',
    ]);
  });

  it('leaves no watch behind when closed while it starts watching', async () => {
    // Given a share whose watcher is still starting
    const root = await temp.make();
    await writeFile(join(root, 'a.txt'), 'a');
    const before = inotifyWatches();
    const db = openLocalDb(join(await temp.make(), 'local.db'));
    cleanups.push(() => {
      db.close();
    });
    const share = await openShare({ root, db, debounceMs: 100 });
    const watching = share.watch();
    // When it is closed at once
    await share.close();
    await watching;
    // Then it watches nothing (a watch left would keep the process alive)
    expect(inotifyWatches()).toBe(before);
  });

  it('does not index a file while it is still being written', async () => {
    // Given a watched share
    const root = await temp.make();
    const { share } = await openTestShare(root);
    await share.scan();
    await share.watch();
    const deltas: ShareDelta[] = [];
    share.on(ShareEvent.Delta, (delta) => deltas.push(delta));
    // When a file is written in pieces over about a second
    const path = join(root, 'growing.bin');
    const { createHash, randomBytes } = await import('node:crypto');
    const hash = createHash('sha256');
    for (let i = 0; i < 8; i++) {
      const part = randomBytes(64 * 1024);
      hash.update(part);
      await appendFile(path, part);
      await new Promise((resolve) => setTimeout(resolve, 120));
    }
    const sha256 = hash.digest('hex');
    await new Promise<void>((resolve) => {
      const check = (): void => {
        if (share.files().length > 0) resolve();
        else setTimeout(check, 50);
      };
      check();
    });
    // Then the only version ever indexed is the finished file
    const indexed = deltas.flatMap((delta) => [
      ...delta.added,
      ...delta.changed,
    ]);
    expect(indexed.map((file) => file.sha256)).toEqual([sha256]);
  });
});

// `pnpm --filter @ferry/bench exec tsx reindex-migration.ts [NAMES]`
// (after `pnpm build`): how long the directory's schema steps that
// re-index every name (6 and 7) take on a database of NAMES distinct file
// names (default 500,000), seeded through the real store in a temp folder.
// Opening the store runs the steps a database has not had: the database is
// set back to before step 6, then to before step 7, and opened each time.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FileEntry } from '@ferry/directory';
import { SqliteStore } from '@ferry/directory';
import BetterSqlite3 from 'better-sqlite3';

const NAMES = Number(process.argv[2] ?? 500_000);
const PER_PEER = 1_000;
const WORDS = [
  'holiday',
  'report',
  'final',
  'draft',
  'photos',
  'concert',
  'live',
  'season',
  'episode',
  'backup',
  'invoice',
  'música',
  'Ｔｅｓｔ',
  'café',
  'summer',
  'winter',
  'scan',
  'notes',
  'lecture',
  'data',
];
const EXTS = ['mp3', 'jpg', 'pdf', 'mkv', 'txt', 'zip'];

const hex = (text: string): string =>
  createHash('sha256').update(text).digest('hex');

function fileOf(i: number): FileEntry {
  const words = [0, 1, 2].map((k) => WORDS[(i * 7 + k * 13 + (i >> k)) % 20]);
  const name = `${words.join(' ')} ${i}.${EXTS[i % EXTS.length] ?? 'txt'}`;
  return {
    name,
    path: `share/${name}`,
    size: 1_000 + i,
    sha256: hex(`c${i}`),
    piecesRoot: hex(`p${i}`),
    mtimeMs: 1_690_000_000_000,
  };
}

async function openTimed(file: string, fromVersion: number): Promise<number> {
  const db = new BetterSqlite3(file);
  db.pragma(`user_version = ${fromVersion}`);
  db.close();
  const start = performance.now();
  const store = new SqliteStore({ file });
  const ms = performance.now() - start;
  await store.close();
  return ms;
}

const dir = mkdtempSync(path.join(tmpdir(), 'ferry-reindex-'));
try {
  const file = path.join(dir, 'directory.sqlite');
  const store = new SqliteStore({ file });
  const seedStart = performance.now();
  for (let u = 0; u * PER_PEER < NAMES; u += 1) {
    const files = Array.from(
      { length: Math.min(PER_PEER, NAMES - u * PER_PEER) },
      (_, k) => fileOf(u * PER_PEER + k),
    );
    await store.createUser({
      username: `seed${u}`,
      passwordHash: 'x',
      createdMs: 0,
    });
    await store.replaceIndex(u + 1, files);
  }
  process.stdout.write(
    `seeded ${NAMES.toLocaleString('en-US')} names in ${((performance.now() - seedStart) / 1000).toFixed(1)} s\n`,
  );
  await store.close();
  const both = await openTimed(file, 5);
  const seventh = await openTimed(file, 6);
  process.stdout.write(
    `steps 6 and 7: ${(both / 1000).toFixed(1)} s; step 7 alone: ${(seventh / 1000).toFixed(1)} s (so step 6 about ${((both - seventh) / 1000).toFixed(1)} s)\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}

import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockPart } from '../transfer/part-lock.js';
import { recordPathOf, savePartRecord } from '../transfer/part-record.js';
import { discardPartFiles } from './discard-parts.js';

const dirs: string[] = [];

afterEach(async () => {
  await Promise.all(
    dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })),
  );
});

const FILE = { name: 'song.flac', sha256: 'a'.repeat(64), size: 10 };

/** A folder holding `song.flac.part` and its record. */
async function folderWithPart(): Promise<{ dir: string; partPath: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'ferry-discard-'));
  dirs.push(dir);
  const partPath = join(dir, 'song.flac.part');
  await writeFile(partPath, Buffer.alloc(FILE.size));
  await savePartRecord(recordPathOf(partPath), {
    sha256: FILE.sha256,
    size: FILE.size,
    pieceSize: 16,
    piecesRoot: 'b'.repeat(64),
    verified: [],
  });
  return { dir, partPath };
}

describe('discardPartFiles', () => {
  it('leaves alone the .part a running download holds, and deletes it once free', async () => {
    // Given a .part and its record, held by a download
    const { dir, partPath } = await folderWithPart();
    const release = await lockPart(partPath, 0, () => undefined);
    expect(release).toBeDefined();
    // When its files are discarded while it runs
    await discardPartFiles({ ...FILE, dir });
    // Then they are still there
    expect(existsSync(partPath)).toBe(true);
    expect(existsSync(recordPathOf(partPath))).toBe(true);
    // And once the download lets go, discarding deletes them
    await release?.();
    await discardPartFiles({ ...FILE, dir });
    expect(existsSync(partPath)).toBe(false);
    expect(existsSync(recordPathOf(partPath))).toBe(false);
  });
});

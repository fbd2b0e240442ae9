import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DirectIoFile } from './direct-io-file.js';
import { WholeFileHash } from './whole-file-hash.js';

const PIECE = 8192;
const SIZE = 9 * PIECE + 1000;
const dirs: string[] = [];
const files: DirectIoFile[] = [];

afterEach(() => {
  for (const file of files.splice(0)) file.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true });
});

/** A file of random bytes, as a finished download leaves it. */
function randomFile(): { path: string; bytes: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'ferry-whole-'));
  dirs.push(dir);
  const path = join(dir, 'file.part');
  const bytes = randomBytes(SIZE);
  writeFileSync(path, bytes);
  return { path, bytes };
}

function piece(bytes: Buffer, index: number): Buffer {
  return bytes.subarray(index * PIECE, Math.min(SIZE, (index + 1) * PIECE));
}

const sha256 = (bytes: Buffer): string =>
  createHash('sha256').update(bytes).digest('hex');

describe.each([true, false])('WholeFileHash (direct: %s)', (direct) => {
  const layout = (path: string) => {
    const file = new DirectIoFile(path, { direct });
    files.push(file);
    return { file, size: SIZE, pieceSize: PIECE };
  };

  it('hashes pieces that come in any order, reading early ones back', async () => {
    const { path, bytes } = randomFile();
    const hash = new WholeFileHash(layout(path), []);
    for (const index of [3, 1, 2, 9, 0, 5, 4, 8, 7, 6]) {
      hash.add(index, piece(bytes, index));
    }
    expect(await hash.digest()).toBe(sha256(bytes));
    await hash.close();
  });

  it('reads back the pieces an earlier run left on disk', async () => {
    const { path, bytes } = randomFile();
    const hash = new WholeFileHash(layout(path), [0, 1, 2, 6]);
    for (const index of [4, 3, 5, 9, 8, 7])
      hash.add(index, piece(bytes, index));
    expect(await hash.digest()).toBe(sha256(bytes));
    await hash.close();
  });

  it('says which piece never came', async () => {
    const { path, bytes } = randomFile();
    const hash = new WholeFileHash(layout(path), []);
    for (const index of [0, 1, 2, 4, 5, 6, 7, 8, 9]) {
      hash.add(index, piece(bytes, index));
    }
    await expect(hash.digest()).rejects.toThrow('piece 3 was never written');
    await hash.close();
  });

  it('fails, naming the file, when a piece cannot be read back', async () => {
    const { path, bytes } = randomFile();
    const hash = new WholeFileHash(layout(path), [1, 2]);
    truncateSync(path, PIECE);
    hash.add(0, piece(bytes, 0));
    await expect(hash.digest()).rejects.toThrow(/file\.part is shorter/);
    expect(() => hash.add(3, piece(bytes, 3))).toThrow(/shorter/);
    await hash.close();
  });
});

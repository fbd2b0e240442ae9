import { createHash, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  mkdtempSync,
  openSync,
  read,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { alignedMemory } from './page-aligned-memory.js';
import { PieceWriterCore } from './piece-writer-core.js';

const PIECE = 64 * 1024;
const COUNT = 12;
const SIZE = COUNT * PIECE - 500;
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true });
});

/**
 * Occupies every thread of libuv's pool (a read from an empty pipe each)
 * until the returned function is called, so file work queues meanwhile.
 */
function holdThreadPool(dir: string): () => Promise<void> {
  const threads = Number(process.env['UV_THREADPOOL_SIZE'] ?? 4);
  const pipes = Array.from({ length: threads }, (_, index) => {
    const path = join(dir, `pipe-${index}`);
    execFileSync('mkfifo', [path]);
    return openSync(path, 'r+');
  });
  const reads = pipes.map(
    (fd) =>
      new Promise<void>((resolve) => {
        read(fd, Buffer.alloc(1), 0, 1, null, () => resolve());
      }),
  );
  return async () => {
    for (const fd of pipes) writeSync(fd, 'x');
    await Promise.all(reads);
    for (const fd of pipes) closeSync(fd);
  };
}

const sha256 = (bytes: Uint8Array): Buffer =>
  createHash('sha256').update(bytes).digest();

/** A file to download (`bytes`), and an empty `.part` file for it. */
function download(direct: boolean): {
  dir: string;
  core: PieceWriterCore;
  path: string;
  bytes: Buffer;
  piece: (index: number) => Uint8Array;
} {
  const dir = mkdtempSync(join(tmpdir(), 'ferry-core-'));
  dirs.push(dir);
  const path = join(dir, 'file.part');
  writeFileSync(path, Buffer.alloc(SIZE));
  const bytes = randomBytes(SIZE);
  const pieceOf = (index: number): Buffer =>
    bytes.subarray(index * PIECE, Math.min(SIZE, (index + 1) * PIECE));
  const pieceHashes = Buffer.concat(
    Array.from({ length: COUNT }, (_, index) => sha256(pieceOf(index))),
  );
  const core = new PieceWriterCore({
    partPath: path,
    size: SIZE,
    pieceSize: PIECE,
    verified: [],
    pieceHashes,
    slots: new SharedArrayBuffer(0),
    directIo: direct,
  });
  // Pieces come in page-aligned slots, as the receiving thread fills them.
  const piece = (index: number): Uint8Array => {
    const data = pieceOf(index);
    const slot = alignedMemory(PIECE).subarray(0, data.length);
    data.copy(slot);
    return slot;
  };
  return { dir, core, path, bytes, piece };
}

describe.each([true, false])('PieceWriterCore (direct: %s)', (direct) => {
  it('writes pieces handed over all at once, in any order', async () => {
    const { core, path, bytes, piece } = download(direct);
    const order = [5, 0, 1, 11, 2, 3, 7, 4, 6, 10, 9, 8];
    const written = await Promise.all(
      order.map((index) => core.writePiece(index, piece(index))),
    );
    expect(written.every(Boolean)).toBe(true);
    expect(await core.finish()).toBe(sha256(bytes).toString('hex'));
    await core.close();
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('refuses a corrupt piece and writes nothing of it', async () => {
    const { core, path, piece } = download(direct);
    const corrupt = piece(2);
    corrupt[100] = (corrupt[100] ?? 0) ^ 0xff;
    expect(await core.writePiece(2, corrupt)).toBe(false);
    expect(await core.writePiece(3, piece(2))).toBe(false);
    await core.close();
    const onDisk = readFileSync(path);
    expect(onDisk.subarray(2 * PIECE, 4 * PIECE).every((b) => b === 0)).toBe(
      true,
    );
  });

  it.runIf(process.platform === 'linux')(
    'closes the file only once the writes under way are done',
    async () => {
      const { dir, core, path, bytes, piece } = download(direct);
      const releasePool = holdThreadPool(dir);
      const writes = Array.from({ length: COUNT }, (_, index) =>
        core.writePiece(index, piece(index)),
      );
      const closed = core.close();
      await releasePool();
      await closed;
      expect(await Promise.all(writes)).toEqual(Array(COUNT).fill(true));
      expect(readFileSync(path).equals(bytes)).toBe(true);
    },
  );
});

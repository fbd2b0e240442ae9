import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DIRECT_IO_ALIGNMENT, DirectIoFile } from './direct-io-file.js';
import { alignedMemory } from './page-aligned-memory.js';

const BLOCK = DIRECT_IO_ALIGNMENT;
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true });
});

/** An empty file of `size` bytes in a fresh temporary folder. */
function emptyFile(size: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'ferry-direct-'));
  dirs.push(dir);
  const path = join(dir, 'file.part');
  writeFileSync(path, Buffer.alloc(size));
  return path;
}

/** Whether the temporary folder's file system takes O_DIRECT at all. */
function tmpdirTakesDirectIo(): boolean {
  const path = emptyFile(0);
  try {
    closeSync(openSync(path, constants.O_RDWR | constants.O_DIRECT));
    return true;
  } catch {
    return false;
  }
}

const directIoHere = tmpdirTakesDirectIo();

/**
 * Memory of `size` bytes that `O_DIRECT` refuses. An ArrayBuffer comes
 * from malloc, usually 16 bytes past a page boundary, but a reused heap
 * chunk may start on one by chance: a direct write of the first block
 * tells, and an aligned buffer is kept (so it is not handed out again)
 * while another is tried.
 */
function misalignedMemory(size: number): Uint8Array {
  const fd = openSync(emptyFile(BLOCK), constants.O_RDWR | constants.O_DIRECT);
  const kept: Uint8Array[] = [];
  try {
    for (;;) {
      const memory = new Uint8Array(new ArrayBuffer(size));
      try {
        writeSync(fd, memory, 0, BLOCK, 0);
        kept.push(memory);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EINVAL') throw error;
        return memory;
      }
    }
  } finally {
    closeSync(fd);
  }
}

describe('DirectIoFile', () => {
  it.runIf(directIoHere)(
    'moves aligned blocks around the page cache and the rest through it',
    async () => {
      const size = 3 * BLOCK + 100;
      const path = emptyFile(size);
      const memory = alignedMemory(size);
      const bytes = randomBytes(size);
      bytes.copy(memory);
      const file = new DirectIoFile(path, { direct: true });
      await file.write(memory.subarray(BLOCK, 3 * BLOCK), BLOCK);
      await file.write(memory.subarray(0, BLOCK), 0);
      await file.write(memory.subarray(3 * BLOCK, size), 3 * BLOCK);
      file.sync();
      expect(file.direct).toBe(true);

      const back = alignedMemory(size);
      await file.read(back.subarray(0, 3 * BLOCK), 0);
      await file.read(back.subarray(3 * BLOCK, size), 3 * BLOCK);
      expect(file.direct).toBe(true);
      file.close();
      expect(back.subarray(0, size).equals(bytes)).toBe(true);
      expect(readFileSync(path).equals(bytes)).toBe(true);
    },
  );

  it.runIf(directIoHere)(
    'falls back to ordinary I/O for good when the memory is not aligned',
    async () => {
      const size = 8 * 1024 * 1024;
      const path = emptyFile(size);
      const memory = misalignedMemory(size);
      memory.set(randomBytes(size));
      const file = new DirectIoFile(path, { direct: true });
      await file.write(memory, 0);
      expect(file.direct).toBe(false);
      const back = new Uint8Array(new ArrayBuffer(size));
      await file.read(back, 0);
      file.close();
      expect(Buffer.from(back).equals(memory)).toBe(true);
      expect(readFileSync(path).equals(memory)).toBe(true);
    },
  );

  it.runIf(directIoHere)(
    'falls back once for every transfer under way when the memory is refused',
    async () => {
      const size = 8 * 1024 * 1024;
      const quarter = size / 4;
      const path = emptyFile(size);
      const memory = misalignedMemory(size);
      memory.set(randomBytes(size));
      const file = new DirectIoFile(path, { direct: true });
      await Promise.all(
        [0, 1, 2, 3].map((part) =>
          file.write(
            memory.subarray(part * quarter, (part + 1) * quarter),
            part * quarter,
          ),
        ),
      );
      expect(file.direct).toBe(false);
      file.close();
      expect(readFileSync(path).equals(memory)).toBe(true);
    },
  );

  it('uses only ordinary I/O when asked to', async () => {
    const path = emptyFile(BLOCK);
    const memory = alignedMemory(BLOCK);
    memory.set(randomBytes(BLOCK));
    const file = new DirectIoFile(path, { direct: false });
    await file.write(memory.subarray(0, BLOCK), 0);
    expect(file.direct).toBe(false);
    file.close();
    expect(readFileSync(path).equals(memory.subarray(0, BLOCK))).toBe(true);
  });

  it('says so when the file is shorter than a read', async () => {
    const path = emptyFile(BLOCK);
    const file = new DirectIoFile(path, { direct: true });
    await expect(file.read(alignedMemory(2 * BLOCK), BLOCK)).rejects.toThrow(
      /shorter than expected/,
    );
    file.close();
  });
});

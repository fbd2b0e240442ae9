import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Temporary folders made by a test, removed by `cleanup()` (in `after*`). */
export class TempDirs {
  readonly #dirs: string[] = [];

  async make(prefix = 'ferry-test-'): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), prefix));
    this.#dirs.push(dir);
    return dir;
  }

  async cleanup(): Promise<void> {
    const dirs = this.#dirs.splice(0);
    await Promise.all(
      dirs.map((dir) => rm(dir, { recursive: true, force: true })),
    );
  }
}

/**
 * Writes `size` random bytes to `path` (making its folder), generated in
 * parts of at most 8 MiB; returns their SHA-256.
 */
export async function writeRandomFile(
  path: string,
  size: number,
): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  const hash = createHash('sha256');
  const parts: Buffer[] = [];
  for (let left = size; left > 0;) {
    const part = randomBytes(Math.min(left, 8 * 1024 * 1024));
    hash.update(part);
    parts.push(part);
    left -= part.length;
  }
  await writeFile(path, Buffer.concat(parts));
  return hash.digest('hex');
}

/** The SHA-256 of the file at `path`, in hex. */
export async function sha256OfFile(path: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
}

import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Temporary folders made by a test, removed by `cleanup()`. */
export class TempDirs {
  readonly #dirs: string[] = [];

  async make(prefix = 'ferry-peer-'): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
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

/** Writes `size` random bytes to `file`; returns their SHA-256. */
export async function writeRandomFile(
  file: string,
  size: number,
): Promise<string> {
  const data = randomBytes(size);
  await writeFile(file, data);
  return createHash('sha256').update(data).digest('hex');
}

/** Polls `check` until it returns a value other than undefined. */
export async function waitFor<T>(
  check: () => T | undefined | Promise<T | undefined>,
  what: string,
  timeoutMs = 15_000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

import { link, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isNodeError } from '../errors.js';
import { numberedName } from './numbered-name.js';
import { pathExists } from './part-placement.js';

const MAX_ALTERNATIVES = 10_000;

/**
 * Gives a verified `.part` file its final name in `dir`, never replacing
 * an existing file: `name.ext`, else `name (1).ext`, `name (2).ext`, …
 * A hard link makes the name appear atomically and fails if it is taken;
 * where hard links are unsupported, a checked rename is used.
 */
export async function finalizeDownload(
  partPath: string,
  dir: string,
  name: string,
): Promise<string> {
  for (let n = 0; n < MAX_ALTERNATIVES; n++) {
    const target = join(dir, numberedName(name, n));
    try {
      await link(partPath, target);
      await rm(partPath);
      return target;
    } catch (error) {
      if (isNodeError(error, 'EEXIST')) continue;
      if (!isNodeError(error, 'EPERM') && !isNodeError(error, 'ENOTSUP'))
        throw error;
      if (await pathExists(target)) continue;
      await rename(partPath, target);
      return target;
    }
  }
  throw new Error(`too many files named ${name} in ${dir}`);
}

import { join } from 'node:path';
import { numberedName } from '../transfer/numbered-name.js';
import { isPartLocked } from '../transfer/part-lock.js';
import { pathExists } from '../transfer/part-placement.js';
import {
  loadPartRecord,
  recordPathOf,
  removePartFiles,
} from '../transfer/part-record.js';
import { sanitizeFileName } from '../transfer/sanitize-name.js';

/** Numbered names looked at, as many as the engine may place. */
const MAX_ALTERNATIVES = 1_000;

/**
 * Deletes the `.part` file and its record left in `dir` by a download of
 * this file that is not running (e.g. paused before a restart): the engine
 * puts it at `NAME.part` or `NAME (n).part`, recording the file's hash.
 * One that a running download holds (in any process) is left alone.
 */
export async function discardPartFiles(file: {
  dir: string;
  name: string;
  sha256: string;
  size: number;
}): Promise<void> {
  const name = sanitizeFileName(file.name);
  for (let n = 0; n < MAX_ALTERNATIVES; n++) {
    const partPath = join(file.dir, `${numberedName(name, n)}.part`);
    const record = await loadPartRecord(recordPathOf(partPath));
    if (record?.sha256 === file.sha256 && record.size === file.size) {
      if (!(await isPartLocked(partPath))) await removePartFiles(partPath);
      return;
    }
    if (record === undefined && !(await pathExists(partPath))) return;
  }
}

import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { getErrorMessage } from '../errors.js';
import { isInside } from './inside-root.js';

/** A regular file found under the share root. */
export interface FoundFile {
  /** Relative to the root, "/"-separated. */
  path: string;
  absolutePath: string;
  size: number;
  mtimeMs: number;
}

/** The `path` of the share root itself (a scan that cannot read it). */
export const ROOT_PATH = '';

/** A file or folder the scan could not read, and why. */
export interface UnreadableFile {
  path: string;
  reason: string;
}

export interface WalkResult {
  files: FoundFile[];
  unreadable: UnreadableFile[];
}

/**
 * Lists every regular file under `root` (its real path), recursively. A
 * symbolic link is kept only when it points to a file inside the root;
 * links to folders are not followed (no loops, no escape). Errors are
 * collected, never thrown.
 */
export async function walkShare(root: string): Promise<WalkResult> {
  const result: WalkResult = { files: [], unreadable: [] };
  const pending = [root];
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      result.unreadable.push({ path: rel(root, dir), reason: reasonOf(error) });
      continue;
    }
    const names = new Set(entries.map((entry) => entry.name));
    for (const entry of entries) {
      const absolutePath = join(dir, entry.name);
      if (isDownloadInProgress(entry.name, names)) continue;
      if (entry.isDirectory()) pending.push(absolutePath);
      else if (entry.isFile() || entry.isSymbolicLink()) {
        await addFile(root, absolutePath, entry.isSymbolicLink(), result);
      }
    }
  }
  return result;
}

/**
 * A download under way in the share (the share is also the download
 * folder): its `NAME.part.ferry` record, that record's `.tmp` while it is
 * saved, the `NAME.part.ferry.lock` folder held while it runs, and the
 * `NAME.part` it describes. A `.part` file with no record
 * beside it is someone's own file and is shared.
 */
function isDownloadInProgress(name: string, names: Set<string>): boolean {
  return (
    name.endsWith('.part.ferry') ||
    name.endsWith('.part.ferry.tmp') ||
    name.endsWith('.part.ferry.lock') ||
    (name.endsWith('.part') && names.has(`${name}.ferry`))
  );
}

async function addFile(
  root: string,
  absolutePath: string,
  isLink: boolean,
  result: WalkResult,
): Promise<void> {
  const path = rel(root, absolutePath);
  try {
    if (isLink && !isInside(root, await realpath(absolutePath))) return;
    const info = await stat(absolutePath);
    if (!info.isFile()) return;
    result.files.push({
      path,
      absolutePath,
      size: info.size,
      mtimeMs: info.mtimeMs,
    });
  } catch (error) {
    result.unreadable.push({ path, reason: reasonOf(error) });
  }
}

function rel(root: string, absolutePath: string): string {
  return relative(root, absolutePath).split(sep).join('/');
}

function reasonOf(error: unknown): string {
  return getErrorMessage(error);
}

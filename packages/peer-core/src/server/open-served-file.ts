import { open, realpath, type FileHandle } from 'node:fs/promises';
import { isInside } from '../share/inside-root.js';
import type { ServedFile } from '../share/share-types.js';

/**
 * Opens a shared file for reading, or returns undefined when it no longer
 * is what was hashed: its real path left the share root (a swapped
 * symlink), or its size or mtime changed since. Never follows a request
 * path: `file` comes from the share's own index.
 */
export async function openServedFile(
  file: ServedFile,
): Promise<FileHandle | undefined> {
  let handle: FileHandle | undefined;
  try {
    const real = await realpath(file.absolutePath);
    if (!isInside(file.root, real)) return undefined;
    handle = await open(real, 'r');
    const info = await handle.stat();
    if (
      info.isFile() &&
      info.size === file.size &&
      info.mtimeMs === file.mtimeMs
    ) {
      const opened = handle;
      handle = undefined;
      return opened;
    }
    return undefined;
  } catch {
    return undefined;
  } finally {
    await handle?.close();
  }
}

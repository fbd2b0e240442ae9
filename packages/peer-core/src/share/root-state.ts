import { opendir } from 'node:fs/promises';
import { getErrorMessage, isNodeError } from '../errors.js';

/** Whether a shared folder can be listed now, and if not why. */
export type RootState =
  | { readable: true }
  | {
      readable: false;
      /** Nothing there (or not a folder), as against a folder not readable. */
      gone: boolean;
      reason: string;
    };

/** Opens `root` as a folder to tell whether a scan could list it. */
export async function checkRoot(root: string): Promise<RootState> {
  try {
    const dir = await opendir(root);
    await dir.close();
    return { readable: true };
  } catch (error) {
    return {
      readable: false,
      gone: isNodeError(error, 'ENOENT') || isNodeError(error, 'ENOTDIR'),
      reason: getErrorMessage(error),
    };
  }
}

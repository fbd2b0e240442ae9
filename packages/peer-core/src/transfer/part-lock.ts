import { check, lock } from 'proper-lockfile';
import { isNodeError } from '../errors.js';

/** Gives a download's `.part` back; safe to call more than once. */
export type ReleasePart = () => Promise<void>;

/**
 * A lock not refreshed for this long belongs to a process that died
 * (proper-lockfile's default; a holder refreshes it every 5 s).
 */
export const PART_LOCK_STALE_MS = 10_000;

/** How often a download waiting for a lock tries again. */
const RETRY_MS = 1_000;

/** The lock beside a `.part`: a folder while a download writes it. */
export function lockPathOf(partPath: string): string {
  return `${partPath}.ferry.lock`;
}

/**
 * Claims `partPath` for one download, across processes (proper-lockfile:
 * a folder made atomically beside it, its time stamp refreshed while it
 * is held, so the lock of a process that died goes stale after
 * `PART_LOCK_STALE_MS` and is taken over). Tries again for up to
 * `waitMs`, then resolves to undefined while another download holds it.
 * `onLost` hears if the lock is taken away later (its folder removed, or
 * refreshed by someone else).
 */
export async function lockPart(
  partPath: string,
  waitMs: number,
  onLost: (error: Error) => void,
): Promise<ReleasePart | undefined> {
  let unlock: () => Promise<void>;
  try {
    unlock = await lock(partPath, {
      stale: PART_LOCK_STALE_MS,
      realpath: false,
      lockfilePath: lockPathOf(partPath),
      onCompromised: onLost,
      retries: {
        retries: Math.ceil(waitMs / RETRY_MS),
        factor: 1,
        minTimeout: RETRY_MS,
        maxTimeout: RETRY_MS,
      },
    });
  } catch (error) {
    if (isNodeError(error, 'ELOCKED')) return undefined;
    throw error;
  }
  let released: Promise<void> | undefined;
  return () => {
    // A lock already lost has nothing to give back; one that cannot be
    // removed (its folder unwritable) goes stale in time anyway.
    released ??= unlock().catch(() => undefined);
    return released;
  };
}

/** Whether a running download holds `partPath` (a stale lock does not). */
export function isPartLocked(partPath: string): Promise<boolean> {
  return check(partPath, {
    stale: PART_LOCK_STALE_MS,
    realpath: false,
    lockfilePath: lockPathOf(partPath),
  });
}

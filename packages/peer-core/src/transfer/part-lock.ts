import { setTimeout as sleep } from 'node:timers/promises';
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

/** How a download waits for a `.part` another download holds. */
export interface PartLockWait {
  /** Ends the wait at once: `lockPart` rejects with the abort reason. */
  signal?: AbortSignal;
  /** Told once, when the first try finds the lock held and waiting starts. */
  onWait?: () => void;
}

/**
 * Claims `partPath` for one download, across processes (proper-lockfile:
 * a folder made atomically beside it, its time stamp refreshed while it
 * is held, so the lock of a process that died goes stale after
 * `PART_LOCK_STALE_MS` and is taken over). Tries again every second for
 * up to `waitMs`, then resolves to undefined while another download holds
 * it; `wait.signal` ends the wait sooner. `onLost` hears if the lock is
 * taken away later (its folder removed, or refreshed by someone else).
 */
export async function lockPart(
  partPath: string,
  waitMs: number,
  onLost: (error: Error) => void,
  wait: PartLockWait = {},
): Promise<ReleasePart | undefined> {
  const deadline = Date.now() + waitMs;
  for (let tries = 0; ; tries++) {
    wait.signal?.throwIfAborted();
    const unlock = await tryLock(partPath, onLost);
    if (unlock !== undefined) return releaseOnce(unlock);
    const leftMs = deadline - Date.now();
    if (leftMs <= 0) return undefined;
    if (tries === 0) wait.onWait?.();
    await sleep(Math.min(RETRY_MS, leftMs), undefined, {
      signal: wait.signal,
    });
  }
}

/** One attempt: the lock's release, or undefined while it is held. */
async function tryLock(
  partPath: string,
  onLost: (error: Error) => void,
): Promise<(() => Promise<void>) | undefined> {
  try {
    return await lock(partPath, {
      stale: PART_LOCK_STALE_MS,
      realpath: false,
      lockfilePath: lockPathOf(partPath),
      onCompromised: onLost,
    });
  } catch (error) {
    if (isNodeError(error, 'ELOCKED')) return undefined;
    throw error;
  }
}

function releaseOnce(unlock: () => Promise<void>): ReleasePart {
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

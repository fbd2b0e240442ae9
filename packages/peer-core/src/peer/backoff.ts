/** Longest wait between tries while the directory cannot be reached. */
export const MAX_RETRY_MS = 30_000;

/**
 * How long to wait before the next try after `failures` failed tries in a
 * row: the normal interval first, then twice as long each time, up to
 * `capMs` (never below the normal interval). Jitter is added by the caller.
 */
export function backoffMs(
  intervalMs: number,
  failures: number,
  capMs = MAX_RETRY_MS,
): number {
  if (failures <= 1) return intervalMs;
  const grown = intervalMs * 2 ** Math.min(failures - 1, 30);
  return Math.max(intervalMs, Math.min(capMs, grown));
}

/**
 * The heartbeat interval for a directory whose peers go offline after
 * `ttlMs` of silence: `requestedMs` when given (else a third of the TTL,
 * at least 1 s), but never more than half the TTL, which leaves room for
 * the ±10 % jitter and a slow request.
 */
export function heartbeatIntervalMs(
  ttlMs: number,
  requestedMs: number | undefined,
): number {
  const longest = Math.floor(ttlMs / 2);
  if (requestedMs === undefined) return Math.max(1000, ttlMs / 3);
  return Math.min(requestedMs, longest);
}

/** True when `requestedMs` is too long for `ttlMs` and will be shortened. */
export function heartbeatTooLong(
  ttlMs: number,
  requestedMs: number | undefined,
): boolean {
  return (
    requestedMs !== undefined &&
    heartbeatIntervalMs(ttlMs, requestedMs) < requestedMs
  );
}

/** Seconds left at `speedBps`; 0 when done, null when the speed is zero. */
export function etaSeconds(remaining: number, speedBps: number): number | null {
  if (remaining <= 0) return 0;
  return speedBps > 0 ? Math.ceil(remaining / speedBps) : null;
}

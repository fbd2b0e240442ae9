/** Default window over which speeds are averaged. */
export const SPEED_WINDOW_MS = 3000;

/**
 * Bytes per second averaged over a sliding window of recent samples, so a
 * speed shown to a user moves smoothly rather than per chunk.
 */
export class SpeedMeter {
  readonly #samples: { atMs: number; bytes: number }[] = [];

  constructor(
    private readonly windowMs = SPEED_WINDOW_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Counts `bytes` moved just now. */
  add(bytes: number): void {
    this.#samples.push({ atMs: this.now(), bytes });
    this.#trim();
  }

  /** The average speed over the window, bytes per second. */
  bytesPerSecond(): number {
    this.#trim();
    const first = this.#samples[0];
    if (first === undefined) return 0;
    const total = this.#samples.reduce((sum, s) => sum + s.bytes, 0);
    const spanMs = Math.max(this.now() - first.atMs, 1000);
    return Math.round((total * 1000) / Math.min(spanMs, this.windowMs));
  }

  #trim(): void {
    const oldest = this.now() - this.windowMs;
    while ((this.#samples[0]?.atMs ?? Infinity) < oldest) this.#samples.shift();
  }
}

/** Seconds left at `speedBps`; null when the speed is zero. */
export function etaSeconds(remaining: number, speedBps: number): number | null {
  if (remaining <= 0) return 0;
  return speedBps > 0 ? Math.ceil(remaining / speedBps) : null;
}

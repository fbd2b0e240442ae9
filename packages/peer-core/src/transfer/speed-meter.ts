/**
 * Bytes per second over a sliding window (3 s by default), so a speed shown
 * to a user neither jumps per chunk nor lags for long.
 */
export class SpeedMeter {
  readonly #windowMs: number;
  readonly #samples: { at: number; bytes: number }[] = [];
  #inWindow = 0;

  constructor(windowMs = 3_000) {
    this.#windowMs = windowMs;
  }

  add(bytes: number, now = Date.now()): void {
    this.#samples.push({ at: now, bytes });
    this.#inWindow += bytes;
    this.#trim(now);
  }

  /** The average rate over the window ending at `now`. */
  bytesPerSecond(now = Date.now()): number {
    this.#trim(now);
    const first = this.#samples[0];
    if (first === undefined) return 0;
    const spanMs = Math.max(now - first.at, 1_000);
    return (this.#inWindow * 1_000) / Math.min(spanMs, this.#windowMs);
  }

  #trim(now: number): void {
    while (this.#samples.length > 0) {
      const first = this.#samples[0];
      if (first === undefined || now - first.at <= this.#windowMs) break;
      this.#inWindow -= first.bytes;
      this.#samples.shift();
    }
  }
}

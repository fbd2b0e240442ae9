import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A token bucket shared by all uploads: `take(n)` waits until `n` bytes may
 * be sent at `bytesPerSecond` on average, with at most one second of burst.
 */
export class RateLimiter {
  readonly #rate: number;
  #tokens: number;
  #updatedMs = Date.now();

  constructor(bytesPerSecond: number) {
    this.#rate = bytesPerSecond;
    this.#tokens = bytesPerSecond;
  }

  async take(bytes: number, signal?: AbortSignal): Promise<void> {
    const now = Date.now();
    const refill = ((now - this.#updatedMs) * this.#rate) / 1_000;
    this.#tokens = Math.min(this.#rate, this.#tokens + refill);
    this.#updatedMs = now;
    this.#tokens -= bytes;
    if (this.#tokens < 0) {
      await sleep((-this.#tokens * 1_000) / this.#rate, undefined, { signal });
    }
  }
}

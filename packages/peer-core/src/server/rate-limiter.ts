import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A token bucket shared by all uploads: `take(n)` waits until `n` bytes may
 * be sent at `bytesPerSecond` on average. The bucket holds at most `burst`
 * bytes, so an idle peer sends little more than that before the cap bites
 * (a one-second burst let a small file go out at several times the cap).
 */
export class RateLimiter {
  readonly #rate: number;
  readonly #burst: number;
  #tokens: number;
  #updatedMs = Date.now();

  constructor(bytesPerSecond: number, burst: number) {
    this.#rate = bytesPerSecond;
    this.#burst = Math.min(burst, bytesPerSecond);
    this.#tokens = this.#burst;
  }

  async take(bytes: number, signal?: AbortSignal): Promise<void> {
    const now = Date.now();
    const refill = ((now - this.#updatedMs) * this.#rate) / 1_000;
    this.#tokens = Math.min(this.#burst, this.#tokens + refill);
    this.#updatedMs = now;
    this.#tokens -= bytes;
    if (this.#tokens < 0) {
      await sleep((-this.#tokens * 1_000) / this.#rate, undefined, { signal });
    }
  }
}

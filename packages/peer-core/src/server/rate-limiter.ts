import { setTimeout as sleep } from 'node:timers/promises';

/** The bucket holds this much of a second's rate. */
const BURST_SECONDS = 0.1;

/**
 * A token bucket shared by all uploads: `take(n)` waits until `n` bytes may
 * be sent at `bytesPerSecond` on average. The bucket holds 100 ms of the
 * rate (at least `minBurst`, one chunk; at most one second's worth): that
 * makes up for an upload woken a few milliseconds late on a busy machine
 * (with one 256 KiB chunk of burst, four sources capped at 50 MB/s on two
 * cores each sent ~42 MB/s), while a small file still cannot go out at
 * several times the cap (as it did with a one-second burst).
 */
export class RateLimiter {
  readonly #rate: number;
  readonly #burst: number;
  #tokens: number;
  #updatedMs = Date.now();

  constructor(bytesPerSecond: number, minBurst: number) {
    this.#rate = bytesPerSecond;
    this.#burst = Math.min(
      bytesPerSecond,
      Math.max(minBurst, bytesPerSecond * BURST_SECONDS),
    );
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

/**
 * Notices an upload that waits too long for its downloader: `waiting()`
 * when the upload starts waiting for the downloader to take data,
 * `moving()` once it did. If one wait lasts `limitMs`, `onStall` runs
 * (once). It keeps a single timer per upload, armed only while one could
 * be due, so each chunk costs only a clock read.
 */
export class StallWatch {
  readonly #limitMs: number;
  readonly #onStall: () => void;
  #since: number | undefined;
  #timer: NodeJS.Timeout | undefined;
  #stalled = false;

  constructor(limitMs: number, onStall: () => void) {
    this.#limitMs = limitMs;
    this.#onStall = onStall;
  }

  /** True once `onStall` ran. */
  get stalled(): boolean {
    return this.#stalled;
  }

  waiting(): void {
    this.#since = Date.now();
    this.#timer ??= this.#arm(this.#limitMs);
  }

  moving(): void {
    this.#since = undefined;
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #arm(ms: number): NodeJS.Timeout {
    const timer = setTimeout(() => this.#check(), ms);
    timer.unref();
    return timer;
  }

  #check(): void {
    this.#timer = undefined;
    if (this.#since === undefined) return;
    const waitedMs = Date.now() - this.#since;
    if (waitedMs < this.#limitMs) {
      this.#timer = this.#arm(this.#limitMs - waitedMs);
      return;
    }
    this.#stalled = true;
    this.#onStall();
  }
}

/**
 * A few reusable buffers for one upload: `take` waits until one is free
 * (returning undefined if `signal` aborts first), `give` returns it. The
 * pool size bounds the bytes one upload holds, whatever the client does.
 */
export class BufferPool {
  readonly #free: Buffer[] = [];
  readonly #waiting: ((buffer: Buffer | undefined) => void)[] = [];

  constructor(count: number, size: number) {
    for (let i = 0; i < count; i++)
      this.#free.push(Buffer.allocUnsafeSlow(size));
  }

  take(signal: AbortSignal): Promise<Buffer | undefined> {
    const buffer = this.#free.pop();
    if (buffer !== undefined || signal.aborted) return Promise.resolve(buffer);
    return new Promise((resolve) => {
      const onAbort = (): void => {
        this.#waiting.splice(this.#waiting.indexOf(settle), 1);
        resolve(undefined);
      };
      const settle = (free: Buffer | undefined): void => {
        signal.removeEventListener('abort', onAbort);
        resolve(free);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.#waiting.push(settle);
    });
  }

  give(buffer: Buffer): void {
    const waiter = this.#waiting.shift();
    if (waiter === undefined) this.#free.push(buffer);
    else waiter(buffer);
  }
}

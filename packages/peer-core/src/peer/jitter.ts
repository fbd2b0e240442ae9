/** `ms` moved at random by up to `fraction` of itself either way. */
export function withJitter(ms: number, fraction = 0.1): number {
  return Math.round(ms * (1 + (Math.random() * 2 - 1) * fraction));
}

/**
 * Runs `task` again and again, waiting `intervalMs()` (with jitter) after
 * each run ends, until `stop()`; runs never overlap. Errors are the task's
 * business: it must not throw.
 */
export class RepeatingTask {
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;
  #running: Promise<void> | undefined;

  constructor(
    private readonly task: () => Promise<void>,
    private readonly intervalMs: () => number,
  ) {}

  /** Schedules the first run after one interval. */
  start(): void {
    this.#stopped = false;
    this.#arm();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running;
  }

  async #run(): Promise<void> {
    if (this.#stopped) return;
    this.#running = this.task();
    await this.#running;
    this.#running = undefined;
    this.#arm();
  }

  #arm(): void {
    if (this.#stopped) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(
      () => void this.#run(),
      withJitter(this.intervalMs()),
    );
  }
}

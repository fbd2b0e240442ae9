import type { FSWatcher } from 'chokidar';

/**
 * Longest a rescan waits while events keep coming (a file being written
 * all the time must not hold back every other change).
 */
const MAX_WAIT_MS = 2_000;

interface WatcherHooks {
  rescan(): void;
  warn(error: Error): void;
}

/**
 * Watches a share folder with chokidar and turns bursts of file-system
 * events into one rescan after `debounceMs` of quiet, or at most
 * `MAX_WAIT_MS` after the burst began.
 */
export class ShareWatcher {
  readonly #root: string;
  readonly #debounceMs: number;
  readonly #hooks: WatcherHooks;
  #watcher: FSWatcher | undefined;
  /** Set by `close`; a `start` still loading chokidar then starts nothing. */
  readonly #closing = new AbortController();
  #timer: NodeJS.Timeout | undefined;
  /** When the first still-pending rescan was asked for. */
  #pendingSinceMs: number | undefined;

  constructor(root: string, debounceMs: number, hooks: WatcherHooks) {
    this.#root = root;
    this.#debounceMs = debounceMs;
    this.#hooks = hooks;
  }

  /** Resolves once the watcher is ready, or at once if closed meanwhile. */
  async start(): Promise<void> {
    const { watch } = await import('chokidar');
    const closing = this.#closing.signal;
    if (closing.aborted) return;
    const watcher = watch(this.#root, {
      ignoreInitial: true,
      followSymlinks: false,
    });
    this.#watcher = watcher;
    watcher.on('all', () => this.schedule(this.#debounceMs));
    watcher.on('error', (error: unknown) => {
      this.#hooks.warn(
        error instanceof Error ? error : new Error(String(error)),
      );
    });
    await new Promise<void>((resolve) => {
      watcher.once('ready', resolve);
      closing.addEventListener('abort', () => resolve(), { once: true });
    });
  }

  /**
   * Rescans after `delayMs`, unless another event pushes it later, but no
   * later than `MAX_WAIT_MS` (or `delayMs`, if longer) after the first
   * pending request.
   */
  schedule(delayMs: number): void {
    if (this.#watcher === undefined) return;
    const now = Date.now();
    this.#pendingSinceMs ??= now;
    const deadline = this.#pendingSinceMs + Math.max(delayMs, MAX_WAIT_MS);
    clearTimeout(this.#timer);
    this.#timer = setTimeout(
      () => {
        this.#pendingSinceMs = undefined;
        this.#hooks.rescan();
      },
      Math.max(0, Math.min(delayMs, deadline - now)),
    );
  }

  async close(): Promise<void> {
    this.#closing.abort();
    clearTimeout(this.#timer);
    const watcher = this.#watcher;
    this.#watcher = undefined;
    await watcher?.close();
  }
}

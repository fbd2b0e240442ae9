import type { FSWatcher } from 'chokidar';

interface WatcherHooks {
  rescan(): void;
  warn(error: Error): void;
}

/**
 * Watches a share folder with chokidar and turns bursts of file-system
 * events into one rescan after `debounceMs` of quiet.
 */
export class ShareWatcher {
  readonly #root: string;
  readonly #debounceMs: number;
  readonly #hooks: WatcherHooks;
  #watcher: FSWatcher | undefined;
  #timer: NodeJS.Timeout | undefined;

  constructor(root: string, debounceMs: number, hooks: WatcherHooks) {
    this.#root = root;
    this.#debounceMs = debounceMs;
    this.#hooks = hooks;
  }

  async start(): Promise<void> {
    const { watch } = await import('chokidar');
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
    await new Promise<void>((resolve) => watcher.once('ready', resolve));
  }

  /** Rescans after `delayMs`, unless another event pushes it later. */
  schedule(delayMs: number): void {
    if (this.#watcher === undefined) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#hooks.rescan(), delayMs);
  }

  async close(): Promise<void> {
    clearTimeout(this.#timer);
    const watcher = this.#watcher;
    this.#watcher = undefined;
    await watcher?.close();
  }
}

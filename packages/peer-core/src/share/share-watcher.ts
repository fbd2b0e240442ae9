import { stat } from 'node:fs/promises';
import type { FSWatcher } from 'chokidar';

/**
 * Longest a rescan waits while events keep coming (a file being written
 * all the time must not hold back every other change).
 */
const MAX_WAIT_MS = 2_000;

/** How often a shared folder that is gone is looked for again. */
const ROOT_POLL_MS = 1_000;

interface WatcherHooks {
  rescan(): void;
  warn(error: Error): void;
}

/**
 * Watches a share folder with chokidar and turns bursts of file-system
 * events into one rescan after `debounceMs` of quiet, or at most
 * `MAX_WAIT_MS` after the burst began. Told that the folder itself is
 * gone (removed, renamed), it warns and looks for it every `ROOT_POLL_MS`;
 * once a folder is there again it watches that one and rescans.
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
  /** Set while the folder is gone and looked for. */
  #rootPoll: NodeJS.Timeout | undefined;

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
      // Folders only: a folder's own watch hears its files change (a `raw`
      // event), so a share needs one inotify watch per folder, not per file.
      ignored: (_path, stats) => stats?.isFile() === true,
    });
    this.#watcher = watcher;
    watcher.on('all', () => this.schedule(this.#debounceMs));
    watcher.on('raw', () => this.schedule(this.#debounceMs));
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
    clearInterval(this.#rootPoll);
    const watcher = this.#watcher;
    this.#watcher = undefined;
    await watcher?.close();
  }

  /**
   * The folder is gone (a rescan found no folder there): the user is
   * warned, and the folder is looked for until it is back, since the watch
   * of the old one would hear nothing of a new one.
   */
  rootGone(): void {
    const gone = this.#watcher;
    if (gone === undefined || this.#rootPoll !== undefined) return;
    this.#hooks.warn(
      new Error(
        `the shared folder ${this.#root} is gone; its files are no longer offered until it is back`,
      ),
    );
    this.#rootPoll = setInterval(() => {
      void this.#lookForRoot(gone);
    }, ROOT_POLL_MS);
    this.#rootPoll.unref();
  }

  async #lookForRoot(gone: FSWatcher): Promise<void> {
    const back = await stat(this.#root).then(
      (info) => info.isDirectory(),
      () => false,
    );
    if (!back || this.#rootPoll === undefined) return;
    clearInterval(this.#rootPoll);
    this.#rootPoll = undefined;
    await gone.close();
    if (this.#closing.signal.aborted) return;
    await this.start();
    this.schedule(0);
  }
}

import type { FSWatcher } from 'chokidar';
import { checkRoot, type RootState } from './root-state.js';

/**
 * Longest a rescan waits while events keep coming (a file being written
 * all the time must not hold back every other change).
 */
const MAX_WAIT_MS = 2_000;

/** How often a shared folder that is gone or unreadable is tried again. */
const ROOT_POLL_MS = 1_000;

interface WatcherHooks {
  rescan(): void;
  warn(error: Error): void;
}

/**
 * Watches a share folder with chokidar and turns bursts of file-system
 * events into one rescan after `debounceMs` of quiet, or at most
 * `MAX_WAIT_MS` after the burst began. Folders it may not read are left
 * to the scan to report. Told that the folder itself cannot be listed
 * (removed, renamed, or not readable), it warns once and tries it again
 * every `ROOT_POLL_MS`, warning again only if the reason changes; once it
 * can be listed it watches it afresh and rescans.
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
  /** Set while the folder cannot be listed and is tried again. */
  #rootPoll: NodeJS.Timeout | undefined;
  /** Why it could not be listed when last tried (while polled). */
  #rootProblem: Extract<RootState, { readable: false }> | undefined;

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
      // EACCES and EPERM: the scan reports what cannot be read, once.
      ignorePermissionErrors: true,
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
   * The folder cannot be listed (a rescan failed to read it): the user is
   * told why, and it is tried again until it can be, since the watch of a
   * folder that went would hear nothing of a new one.
   */
  rootUnavailable(): void {
    const watching = this.#watcher;
    if (watching === undefined || this.#rootPoll !== undefined) return;
    this.#rootPoll = setInterval(() => {
      void this.#tryRoot(watching);
    }, ROOT_POLL_MS);
    this.#rootPoll.unref();
    void this.#tryRoot(watching);
  }

  async #tryRoot(watching: FSWatcher): Promise<void> {
    const state = await checkRoot(this.#root);
    if (this.#rootPoll === undefined) return;
    if (!state.readable) {
      this.#tell(state);
      return;
    }
    clearInterval(this.#rootPoll);
    this.#rootPoll = undefined;
    const wasUnreadable = this.#rootProblem?.gone === false;
    this.#rootProblem = undefined;
    if (wasUnreadable) {
      this.#hooks.warn(
        new Error(
          `the shared folder ${this.#root} can be read again; its files are offered again`,
        ),
      );
    }
    await watching.close();
    if (this.#closing.signal.aborted) return;
    await this.start();
    this.schedule(0);
  }

  /** Warns of `problem` unless the last warning gave the same kind. */
  #tell(problem: Extract<RootState, { readable: false }>): void {
    if (this.#rootProblem?.gone === problem.gone) return;
    this.#rootProblem = problem;
    this.#hooks.warn(
      new Error(
        problem.gone
          ? `the shared folder ${this.#root} is gone; its files are no longer offered until it is back`
          : `the shared folder ${this.#root} cannot be read (${problem.reason}); its files are no longer offered until it can be`,
      ),
    );
  }
}

import type { PeerSnapshot } from './peer-client.js';

/** At most this many `Changed` notifications per second by default. */
export const DEFAULT_MAX_EVENTS_PER_SECOND = 10;

/**
 * Holds the current immutable `PeerSnapshot` and tells listeners when it
 * changes, at most `maxPerSecond` times a second: the first change of a
 * quiet period is sent at once, later ones are folded into one trailing
 * notification carrying the newest snapshot.
 */
export class SnapshotStore {
  #snapshot: PeerSnapshot;
  readonly #listeners = new Set<(snapshot: PeerSnapshot) => void>();
  readonly #minGapMs: number;
  #lastSentMs = -Infinity;
  #timer: NodeJS.Timeout | undefined;

  constructor(
    initial: PeerSnapshot,
    maxPerSecond = DEFAULT_MAX_EVENTS_PER_SECOND,
  ) {
    this.#snapshot = initial;
    this.#minGapMs = 1000 / maxPerSecond;
  }

  get(): PeerSnapshot {
    return this.#snapshot;
  }

  subscribe(listener: (snapshot: PeerSnapshot) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** Replaces some fields; notifies (throttled) when something changed. */
  update(change: Partial<PeerSnapshot>): void {
    const keys = Object.keys(change) as (keyof PeerSnapshot)[];
    if (keys.every((key) => this.#snapshot[key] === change[key])) return;
    this.#snapshot = { ...this.#snapshot, ...change };
    this.#schedule();
  }

  /** Sends a pending notification now and stops the timer. */
  flush(): void {
    if (this.#timer === undefined) return;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#emit();
  }

  #schedule(): void {
    if (this.#timer !== undefined) return;
    const wait = this.#lastSentMs + this.#minGapMs - performance.now();
    if (wait <= 0) {
      this.#emit();
      return;
    }
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#emit();
    }, wait);
  }

  #emit(): void {
    this.#lastSentMs = performance.now();
    const snapshot = this.#snapshot;
    for (const listener of this.#listeners) listener(snapshot);
  }
}

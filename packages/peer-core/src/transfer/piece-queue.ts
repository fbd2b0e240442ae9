const PieceState = { Missing: 0, Busy: 1, Done: 2 } as const;

/**
 * The shared work queue of one download: sources take runs of missing
 * pieces (lowest first), give them back on failure, and mark them done once
 * verified. A source that finishes sooner simply takes the next run, so
 * faster sources fetch more.
 */
export class PieceQueue {
  readonly #states: Uint8Array;
  #done = 0;
  #busy = 0;
  #next = 0;

  constructor(count: number, done: Iterable<number> = []) {
    this.#states = new Uint8Array(count);
    for (const index of done) {
      if (index < count && this.#states[index] !== PieceState.Done) {
        this.#states[index] = PieceState.Done;
        this.#done += 1;
      }
    }
  }

  get count(): number {
    return this.#states.length;
  }

  get doneCount(): number {
    return this.#done;
  }

  /** Pieces nobody has and nobody is fetching. */
  get missingCount(): number {
    return this.#states.length - this.#done - this.#busy;
  }

  get complete(): boolean {
    return this.#done === this.#states.length;
  }

  /** Up to `max` consecutive missing pieces, now busy; [] when none. */
  take(max: number): number[] {
    while (
      this.#next < this.count &&
      this.#states[this.#next] !== PieceState.Missing
    ) {
      this.#next += 1;
    }
    const run: number[] = [];
    for (let i = this.#next; i < this.count && run.length < max; i++) {
      if (this.#states[i] !== PieceState.Missing) break;
      this.#states[i] = PieceState.Busy;
      this.#busy += 1;
      run.push(i);
    }
    return run;
  }

  /** Puts busy pieces back as missing (their source failed). */
  giveBack(indexes: Iterable<number>): void {
    for (const index of indexes) {
      if (this.#states[index] === PieceState.Busy) {
        this.#states[index] = PieceState.Missing;
        this.#busy -= 1;
        this.#next = Math.min(this.#next, index);
      }
    }
  }

  /** Marks a piece verified; false if it already was. */
  markDone(index: number): boolean {
    if (this.#states[index] === PieceState.Done) return false;
    if (this.#states[index] === PieceState.Busy) this.#busy -= 1;
    this.#states[index] = PieceState.Done;
    this.#done += 1;
    return true;
  }

  /** Indexes of every verified piece. */
  doneIndexes(): number[] {
    const indexes: number[] = [];
    this.#states.forEach((state, index) => {
      if (state === PieceState.Done) indexes.push(index);
    });
    return indexes;
  }
}

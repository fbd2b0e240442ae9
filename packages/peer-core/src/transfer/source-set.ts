import type { ProtoGrpcType } from '../generated/peer.js';
import { SourceHandle } from './source-handle.js';
import type { SourceStats, TransferSource } from './transfer-types.js';

/** The sources of one download, one handle per address. */
export class SourceSet {
  readonly #handles: SourceHandle[] = [];
  readonly #maxFailures: number;
  readonly #proto: ProtoGrpcType;

  constructor(maxFailures: number, proto: ProtoGrpcType) {
    this.#maxFailures = maxFailures;
    this.#proto = proto;
  }

  /** Adds new addresses; a dropped source given again gets a fresh start. */
  add(sources: TransferSource[]): void {
    for (const source of sources) {
      const handle = new SourceHandle(source, this.#maxFailures, this.#proto);
      const index = this.#handles.findIndex(
        (known) => known.address === handle.address,
      );
      const known = this.#handles[index];
      if (known === undefined) this.#handles.push(handle);
      else if (known.dropped) {
        known.close();
        this.#handles[index] = handle;
      } else handle.close();
    }
  }

  /** Sources not dropped. */
  live(): SourceHandle[] {
    return this.#handles.filter((source) => !source.dropped);
  }

  stats(now = Date.now()): SourceStats[] {
    return this.#handles.map((source) => source.stats(now));
  }

  /** Each source's last failure, for a "no sources" message. */
  describeFailures(): string {
    if (this.#handles.length === 0) return 'no sources were given';
    return this.#handles
      .map(
        (source) => `${source.label}: ${source.stats().error ?? 'no answer'}`,
      )
      .join('; ');
  }

  close(): void {
    for (const source of this.#handles) source.close();
  }
}

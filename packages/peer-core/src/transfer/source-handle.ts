import { getErrorMessage, PeerError, PeerErrorCode } from '../errors.js';
import type { ProtoGrpcType } from '../generated/peer.js';
import { formatPeerAddress } from '../grpc/peer-address.js';
import { PeerConnection } from '../grpc/peer-connection.js';
import { SpeedMeter } from './speed-meter.js';
import {
  SourceState,
  type SourceStats,
  type TransferSource,
} from './transfer-types.js';

/** Failures of a busy peer (no upload slot) before it is dropped. */
const MAX_BUSY = 20;

/**
 * One source of a download: its connection, its statistics, and the policy
 * deciding when it is dropped. Corrupt data and "no such file" drop it at
 * once; a busy peer is retried for a while; other failures are retried
 * with a growing pause until `maxFailures` in a row.
 */
export class SourceHandle {
  readonly address: string;
  readonly label: string;
  readonly connection: PeerConnection;
  readonly #meter = new SpeedMeter();
  readonly #maxFailures: number;
  #state = SourceState.Idle;
  #bytes = 0;
  #failures = 0;
  #busy = 0;
  #active = 0;
  #error: string | undefined;
  /** When data last came on a request in flight (see `heard`). */
  #heardMs: number | undefined;
  #retryAtMs = 0;

  constructor(
    source: TransferSource,
    maxFailures: number,
    proto: ProtoGrpcType,
  ) {
    this.address = formatPeerAddress(source);
    this.label = source.label ?? this.address;
    this.#maxFailures = maxFailures;
    this.connection = new PeerConnection(source, { proto });
    this.connection.connect();
  }

  /** Verified bytes per second lately (0 before the first piece). */
  speedBps(now = Date.now()): number {
    return this.#meter.bytesPerSecond(now);
  }

  get dropped(): boolean {
    return this.#state === SourceState.Dropped;
  }

  stats(now = Date.now()): SourceStats {
    const stats: SourceStats = {
      label: this.label,
      address: this.address,
      state: this.#state,
      bytes: this.#bytes,
      speedBps: this.speedBps(now),
      failures: this.#failures,
    };
    if (this.#error !== undefined) stats.error = this.#error;
    if (this.#state === SourceState.Active && this.#heardMs !== undefined) {
      stats.quietMs = Math.max(0, now - this.#heardMs);
    } else if (this.#state === SourceState.Waiting) {
      stats.retryInMs = this.retryInMs(now);
    }
    return stats;
  }

  /** How long until a failed source may be asked again (0: now). */
  retryInMs(now = Date.now()): number {
    return this.#state === SourceState.Waiting
      ? Math.max(0, this.#retryAtMs - now)
      : 0;
  }

  /**
   * A request to this source starts (`true`) or ends (`false`). A source
   * that failed stays waiting (or dropped) when its last request ends.
   */
  setActive(active: boolean): void {
    this.#active += active ? 1 : -1;
    if (active) this.#heardMs = Date.now();
    else if (this.#active === 0) this.#heardMs = undefined;
    if (this.dropped) return;
    if (this.#active > 0) this.#state = SourceState.Active;
    else if (this.#state === SourceState.Active) this.#state = SourceState.Idle;
  }

  /**
   * Data came from this source (or a request to it is waiting for data
   * again). Called for every chunk: it only stores a timestamp.
   */
  heard(now = Date.now()): void {
    this.#heardMs = now;
  }

  /** Its requests wait for the disk, not for it: it is not quiet. */
  unheard(): void {
    this.#heardMs = undefined;
  }

  /** A verified piece came from this source. */
  delivered(bytes: number): void {
    this.#bytes += bytes;
    this.#meter.add(bytes);
  }

  succeeded(): void {
    this.#failures = 0;
    this.#busy = 0;
  }

  /** Records a failure: the source waits before it is asked again, or is dropped. */
  failed(error: unknown): void {
    this.#error = getErrorMessage(error);
    const code = error instanceof PeerError ? error.code : undefined;
    if (code === PeerErrorCode.PeerBusy) {
      this.#busy += 1;
      if (this.#busy > MAX_BUSY) this.#drop();
      else this.#wait(1_000);
      return;
    }
    this.#failures += 1;
    if (
      code === PeerErrorCode.IntegrityError ||
      code === PeerErrorCode.PeerRejected ||
      this.#failures >= this.#maxFailures
    ) {
      this.#drop();
      return;
    }
    this.#wait(250 * 2 ** this.#failures);
  }

  #drop(): void {
    this.#state = SourceState.Dropped;
  }

  close(): void {
    this.connection.close();
  }

  #wait(retryInMs: number): void {
    this.#state = SourceState.Waiting;
    this.#retryAtMs = Date.now() + retryInMs;
  }
}

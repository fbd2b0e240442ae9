import {
  ConnectionState,
  TransferState,
  type PeerClient,
  type PeerSnapshot,
  type PeerSummary,
  type SearchOptions,
  type SearchPage,
  type SharedFileEntry,
  type TransferSnapshot,
} from '../peer/peer-client.js';
import { advanceTransfer, isMoving } from './advance-transfer.js';
import { searchFiles } from './search-files.js';

/** States a transfer ends in; a file in another one is not queued again. */
const FINISHED = new Set<TransferState>([
  TransferState.Done,
  TransferState.Failed,
  TransferState.Cancelled,
]);

/** A remote peer of the fake network and the files it shares. */
export interface FakeRemotePeer {
  username: string;
  files: SharedFileEntry[];
}

export interface FakePeerClientOptions {
  username?: string;
  directoryUrl?: string;
  peers?: FakeRemotePeer[];
  ownFiles?: SharedFileEntry[];
  /** Simulated download speed per transfer; default 4 MB/s. */
  speedBps?: number;
  /** Interval of the simulated clock; 0 disables it (drive with `tick`). */
  tickMs?: number;
}

/**
 * An in-memory `PeerClient` with realistic behaviour: search groups the fake
 * network's files by hash and counts sources, downloads move through the
 * transfer states on a clock, and every change notifies subscribers with a
 * new immutable snapshot. For tests and benchmarks of front ends.
 */
export class FakePeerClient implements PeerClient {
  readonly peers: FakeRemotePeer[];
  readonly ownShare: SharedFileEntry[];
  readonly #listeners = new Set<(snapshot: PeerSnapshot) => void>();
  readonly #speedBps: number;
  #state: PeerSnapshot;
  #nextId = 1;
  #timer: NodeJS.Timeout | undefined;

  constructor(options: FakePeerClientOptions = {}) {
    this.peers = options.peers ?? [];
    this.ownShare = options.ownFiles ?? [];
    this.#speedBps = options.speedBps ?? 4_000_000;
    this.#state = {
      username: options.username ?? 'me',
      directoryUrl: options.directoryUrl ?? 'http://127.0.0.1:7070',
      connection: ConnectionState.Online,
      listenAddress: '127.0.0.1:0',
      peers: this.peers.map(summarize),
      share: {
        folder: '/fake/share',
        fileCount: this.ownShare.length,
        totalBytes: total(this.ownShare),
        scanning: false,
      },
      transfers: [],
      downSpeedBps: 0,
      upSpeedBps: 0,
    };
    const tickMs = options.tickMs ?? 100;
    if (tickMs > 0) {
      this.#timer = setInterval(() => this.tick(tickMs / 1000), tickMs);
      this.#timer.unref();
    }
  }

  snapshot(): PeerSnapshot {
    return this.#state;
  }

  subscribe(listener: (snapshot: PeerSnapshot) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  search(query: string, options?: SearchOptions): Promise<SearchPage> {
    return Promise.resolve(searchFiles(this.peers, query, options));
  }

  browse(username: string): Promise<SharedFileEntry[]> {
    const peer = this.peers.find((p) => p.username === username);
    return Promise.resolve(peer ? [...peer.files] : []);
  }

  ownFiles(): Promise<SharedFileEntry[]> {
    return Promise.resolve([...this.ownShare]);
  }

  download(file: { sha256: string; name: string; size: number }): string {
    const twin = this.#state.transfers.find(
      (t) =>
        t.direction === 'down' &&
        t.sha256 === file.sha256 &&
        !FINISHED.has(t.state),
    );
    if (twin !== undefined) return twin.id;
    const id = `t${this.#nextId++}`;
    const sources = this.peers.filter((p) =>
      p.files.some((f) => f.sha256 === file.sha256),
    ).length;
    this.addTransfer({
      id,
      direction: 'down',
      ...file,
      bytesDone: 0,
      speedBps: 0,
      etaSeconds: null,
      sources,
      state: TransferState.Queued,
    });
    return id;
  }

  /** Adds a transfer as is (e.g. an upload, or one in a given state). */
  addTransfer(transfer: TransferSnapshot): void {
    this.#update({ transfers: [...this.#state.transfers, transfer] });
  }

  pause(transferId: string): void {
    this.#patch(transferId, (t) =>
      isMoving(t) ? { ...t, state: TransferState.Paused, speedBps: 0 } : t,
    );
  }

  resume(transferId: string): void {
    this.#patch(transferId, (t) =>
      t.state === TransferState.Paused
        ? { ...t, state: TransferState.Queued }
        : t,
    );
  }

  cancel(transferId: string): void {
    this.#patch(transferId, (t) =>
      isMoving(t) || t.state === TransferState.Paused
        ? { ...t, state: TransferState.Cancelled, speedBps: 0 }
        : t,
    );
  }

  retry(transferId: string): void {
    this.#patch(transferId, (t) =>
      t.state === TransferState.Failed || t.state === TransferState.Cancelled
        ? { ...t, state: TransferState.Queued, error: undefined }
        : t,
    );
  }

  /** Makes a transfer fail with a message, as a broken source would. */
  fail(transferId: string, error: string): void {
    this.#patch(transferId, (t) => ({
      ...t,
      state: TransferState.Failed,
      speedBps: 0,
      error,
    }));
  }

  /** Sets the connection state, as the directory going away would. */
  setConnection(connection: ConnectionState, connectionError?: string): void {
    this.#update({ connection, connectionError });
  }

  /** Advances the simulated clock by `seconds`. */
  tick(seconds: number): void {
    if (!this.#state.transfers.some(isMoving)) return;
    const transfers = this.#state.transfers.map((t) =>
      advanceTransfer(t, seconds, this.#speedBps),
    );
    this.#update({
      transfers,
      downSpeedBps: speedOf(transfers, 'down'),
      upSpeedBps: speedOf(transfers, 'up'),
    });
  }

  stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#update({ connection: ConnectionState.Offline });
    return Promise.resolve();
  }

  #patch(id: string, change: (t: TransferSnapshot) => TransferSnapshot): void {
    this.#update({
      transfers: this.#state.transfers.map((t) =>
        t.id === id ? change(t) : t,
      ),
    });
  }

  #update(change: Partial<PeerSnapshot>): void {
    this.#state = { ...this.#state, ...change };
    for (const listener of this.#listeners) listener(this.#state);
  }
}

function summarize(peer: FakeRemotePeer, index: number): PeerSummary {
  return {
    username: peer.username,
    host: '127.0.0.1',
    port: 40_000 + index,
    fileCount: peer.files.length,
    totalBytes: total(peer.files),
    lastSeenMs: 0,
  };
}

function total(files: readonly SharedFileEntry[]): number {
  return files.reduce((sum, file) => sum + file.size, 0);
}

function speedOf(
  transfers: readonly TransferSnapshot[],
  direction: 'down' | 'up',
): number {
  return transfers
    .filter((t) => t.direction === direction)
    .reduce((sum, t) => sum + t.speedBps, 0);
}

import type { AnnounceBody } from '@ferry/directory/api';
import type { Logger } from 'pino';
import { isSessionReplaced } from '../directory-client/directory-errors.js';
import { getErrorMessage } from '../errors.js';
import { backoffMs } from './backoff.js';
import { heartbeatIntervalMs, heartbeatTooLong } from './heartbeat-interval.js';
import type { DirectorySession } from './directory-session.js';
import type { IndexSync } from './index-sync.js';
import { RepeatingTask } from './jitter.js';
import { ConnectionState, type PeerSummary } from './peer-client.js';

/** How often presence work runs. */
export interface PresenceTiming {
  /**
   * Heartbeat interval; default a third of the directory's TTL. One longer
   * than half the TTL is shortened to half of it, with a warning.
   */
  heartbeatMs?: number;
  /** Peer-list refresh interval (default 5 s). */
  peersRefreshMs?: number;
}

export interface PresenceOptions extends PresenceTiming {
  session: DirectorySession;
  index: IndexSync;
  announce: AnnounceBody;
  logger: Logger;
  onConnection(state: ConnectionState, error?: string): void;
  onPeers(peers: PeerSummary[]): void;
  /** Told once when a newer session of the account took the presence. */
  onReplaced(): void;
}

const FALLBACK_TTL_MS = 60_000;

/** The `connectionError` of a peer whose account went online elsewhere. */
export const REPLACED_REASON = 'replaced: this account went online elsewhere';

/**
 * Our presence at the directory: announce (the heartbeat) well inside the
 * TTL with jitter, the index kept in sync, and the peer list refreshed.
 * When the directory goes away or the session expires it reports
 * `Reconnecting` (with the reason) and recovers by itself: log in again,
 * re-announce, resend the whole index. Tries while unreachable wait the
 * heartbeat interval, then twice as long each time up to 30 s (with
 * jitter); the peer list is not fetched meanwhile. When the directory
 * answers `SESSION_REPLACED` (the account announced from a newer session)
 * it reports `Offline` with {@link REPLACED_REASON} and stops for good, so
 * the two places do not take the presence from each other in turn.
 */
export class Presence {
  #ttlMs = FALLBACK_TTL_MS;
  #ttlKnown = false;
  #online = false;
  #stopping = false;
  /** Heartbeats failed in a row; the retry waits grow with it. */
  #failures = 0;
  readonly #heartbeat: RepeatingTask;
  readonly #peers: RepeatingTask;

  constructor(private readonly options: PresenceOptions) {
    this.#heartbeat = new RepeatingTask(
      () => this.#beat(),
      () => backoffMs(this.#heartbeatMs(), this.#failures),
    );
    this.#peers = new RepeatingTask(
      () => this.#refreshPeers(),
      () => options.peersRefreshMs ?? 5000,
    );
  }

  /** First announce and index upload; throws when they fail. */
  async start(): Promise<void> {
    await this.#announceAndSync();
    this.#setOnline(true);
    await this.#refreshPeers();
    this.#heartbeat.start();
    this.#peers.start();
  }

  /**
   * Stops the schedule and waits for the work under way; the caller aborts
   * its directory calls first when it cannot wait for a slow directory.
   */
  async stop(): Promise<void> {
    this.#stopping = true;
    await Promise.all([this.#heartbeat.stop(), this.#peers.stop()]);
  }

  #heartbeatMs(): number {
    return heartbeatIntervalMs(this.#ttlMs, this.options.heartbeatMs);
  }

  /** Learns the directory's TTL; warns when it shortens our heartbeat. */
  #learnTtl(ttlMs: number): void {
    if (ttlMs === this.#ttlMs && this.#ttlKnown) return;
    this.#ttlMs = ttlMs;
    this.#ttlKnown = true;
    const requestedMs = this.options.heartbeatMs;
    if (!heartbeatTooLong(ttlMs, requestedMs)) return;
    this.options.logger.warn(
      { requestedMs, ttlMs, usedMs: this.#heartbeatMs() },
      'heartbeat longer than half the directory peer TTL; using half the TTL',
    );
  }

  async #announceAndSync(): Promise<void> {
    const { session, announce, index } = this.options;
    const reply = await session.call((token) =>
      session.client.announce(token, announce),
    );
    this.#learnTtl(reply.ttlMs);
    await index.syncFull();
  }

  async #beat(): Promise<void> {
    try {
      await this.#announceAndSync();
      if (this.#online) return;
      this.options.logger.info('directory reachable again');
      this.#setOnline(true);
      await this.#refreshPeers();
    } catch (error) {
      if (this.#stopping) return;
      if (isSessionReplaced(error)) {
        this.#replaced();
        return;
      }
      this.options.index.invalidate();
      this.#setOnline(false, getErrorMessage(error));
    }
  }

  async #refreshPeers(): Promise<void> {
    const { session } = this.options;
    if (!this.#online) return;
    try {
      const peers = await session.call((token) =>
        session.client.listPeers(token),
      );
      this.options.onPeers(
        peers.filter((p) => p.username !== session.username),
      );
    } catch (error) {
      this.options.logger.debug({ err: error }, 'peer list refresh failed');
    }
  }

  /** Stops heartbeating and refreshing for good: a newer session won. */
  #replaced(): void {
    this.#stopping = true;
    this.#online = false;
    void this.#heartbeat.stop();
    void this.#peers.stop();
    this.options.logger.warn(
      'this account went online elsewhere; this peer stays offline',
    );
    this.options.onPeers([]);
    this.options.onConnection(ConnectionState.Offline, REPLACED_REASON);
    this.options.onReplaced();
  }

  #setOnline(online: boolean, error?: string): void {
    if (!online && this.#online) {
      this.options.logger.warn({ reason: error }, 'directory lost; retrying');
    }
    this.#online = online;
    this.#failures = online ? 0 : this.#failures + 1;
    this.options.onConnection(
      online ? ConnectionState.Online : ConnectionState.Reconnecting,
      error,
    );
  }
}

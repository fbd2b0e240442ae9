import { setTimeout as sleep } from 'node:timers/promises';
import type { AnnounceBody } from '@ferry/directory/api';
import { parseListen } from '../config/profile-schema.js';
import { startPeerServer, type PeerServer } from '../server/peer-server.js';
import { ShareEvent, type ShareDelta } from '../share/share-types.js';
import { getErrorMessage } from '../errors.js';
import { EngineDownloads } from './engine-download.js';
import { IndexSync } from './index-sync.js';
import { plainListenFailure } from './listen-failure.js';
import {
  ConnectionState,
  type PeerClient,
  type PeerSnapshot,
  type SearchOptions,
  type SearchPage,
  type SharedFileEntry,
} from './peer-client.js';
import type { PeerRuntime } from './peer-runtime.js';
import { Presence } from './presence.js';
import { QueueStore } from './queue-store.js';
import { SnapshotStore } from './snapshot-store.js';
import { TransferQueue } from './transfer-queue.js';
import { UploadsView } from './uploads-view.js';
import { peerVersion } from './version.js';

/** How long `stop()` waits for the directory to confirm the logout. */
const LOGOUT_WAIT_MS = 3000;

/** How often speeds are recomputed while something moves. */
const SPEED_TICK_MS = 500;

/**
 * A running peer: serves its share over gRPC, keeps its presence and index
 * at the directory, downloads through a persistent queue, and publishes
 * everything a front end draws as throttled `PeerSnapshot`s.
 */
export class Peer implements PeerClient {
  readonly #rt: PeerRuntime;
  readonly #state: SnapshotStore;
  readonly #index: IndexSync;
  readonly #queue: TransferQueue;
  #server: PeerServer | undefined;
  #uploads: UploadsView | undefined;
  #presence: Presence | undefined;
  #ticker: NodeJS.Timeout | undefined;
  #moving = false;
  #stopping: Promise<void> | undefined;
  #isReplaced = false;
  #onReplaced: () => void = () => undefined;
  /**
   * Resolves once a newer session of the account (another place) took the
   * presence: this peer is offline for good and sends the directory no
   * more index changes; it serves gRPC until stopped.
   */
  readonly replaced = new Promise<void>((resolve) => {
    this.#onReplaced = resolve;
  });

  constructor(runtime: PeerRuntime) {
    this.#rt = runtime;
    const { profile } = runtime.options;
    this.#state = new SnapshotStore({
      username: profile.username,
      directoryUrl: profile.directoryUrl,
      connection: ConnectionState.Offline,
      peers: [],
      share: runtime.share.summary(),
      transfers: [],
      downSpeedBps: 0,
      upSpeedBps: 0,
    });
    this.#index = new IndexSync(runtime.session, runtime.share);
    this.#queue = new TransferQueue(
      new QueueStore(runtime.db),
      new EngineDownloads(runtime.session, runtime.logger),
      () => this.#transfersChanged(),
      runtime.options.maxActiveDownloads,
    );
  }

  /** Logs in, serves, announces, uploads the index, resumes the queue. */
  async start(): Promise<void> {
    const { session, share, options, logger } = this.#rt;
    this.#state.update({ connection: ConnectionState.Connecting });
    await session.login();
    this.#server = await startPeerServer({
      share,
      username: session.username,
      version: peerVersion(),
      listen: options.profile.listen,
      uploadSlots: options.uploadSlots,
      uploadRateBps: options.uploadRateBps,
      uploadStallMs: options.uploadStallMs,
    }).catch((error: unknown) => {
      throw plainListenFailure(error, options.profile.listen);
    });
    this.#uploads = new UploadsView(this.#server.uploads, () =>
      this.#transfersChanged(),
    );
    this.#state.update({ listenAddress: this.#server.address });
    logger.info({ address: this.#server.address }, 'serving');
    this.#presence = this.#createPresence(this.#server);
    this.#watchShare();
    await this.#presence.start();
    this.#queue.restore();
    this.#ticker = setInterval(() => this.#tick(), SPEED_TICK_MS);
    this.#ticker.unref();
  }

  snapshot(): PeerSnapshot {
    return this.#state.get();
  }

  subscribe(listener: (snapshot: PeerSnapshot) => void): () => void {
    return this.#state.subscribe(listener);
  }

  async search(
    query: string,
    options: SearchOptions = {},
  ): Promise<SearchPage> {
    const { session } = this.#rt;
    const response = await session.call((token) =>
      session.client.search(token, { q: query, ...options }),
    );
    return {
      results: response.results.map(
        ({ sha256, name, names, size, sources }) => ({
          sha256,
          name,
          names,
          size,
          sources,
        }),
      ),
      more: response.nextCursor !== null || response.truncated,
    };
  }

  browse(username: string): Promise<SharedFileEntry[]> {
    const { session } = this.#rt;
    return session.call((token) => session.client.listFiles(token, username));
  }

  ownFiles(): Promise<SharedFileEntry[]> {
    return Promise.resolve(this.#rt.share.files());
  }

  download(file: { sha256: string; name: string; size: number }): string {
    return this.#queue.enqueue(file, this.#rt.options.profile.downloadDir);
  }

  pause(transferId: string): void {
    this.#queue.pause(transferId);
  }

  resume(transferId: string): void {
    this.#queue.resume(transferId);
  }

  cancel(transferId: string): void {
    this.#queue.cancel(transferId);
  }

  retry(transferId: string): void {
    this.#queue.retry(transferId);
  }

  /** Moves a queued download to `index` of the queue order. */
  move(transferId: string, index: number): void {
    this.#queue.move(transferId, index);
  }

  /** Removes finished, cancelled and failed transfers from the list. */
  clearFinished(): void {
    this.#queue.clearFinished();
    this.#uploads?.clearFinished();
    this.#transfersChanged();
  }

  /** Rescans the share now (the watcher also does so by itself). */
  async rescan(): Promise<void> {
    await this.#rt.share.scan();
  }

  stop(): Promise<void> {
    this.#stopping ??= this.#stop();
    return this.#stopping;
  }

  async #stop(): Promise<void> {
    const { share, session, db, logger } = this.#rt;
    clearInterval(this.#ticker);
    session.client.abortPending();
    await this.#presence?.stop();
    await this.#queue.close();
    await share.close();
    this.#uploads?.close();
    await this.#server?.close();
    await this.#logout();
    db.close();
    this.#state.update({ connection: ConnectionState.Offline, peers: [] });
    this.#state.flush();
    if (this.#server !== undefined) logger.info('stopped');
  }

  /**
   * Logs out, waiting at most `LOGOUT_WAIT_MS`: a directory that does not
   * answer by then has its call aborted, so stopping stays short.
   */
  async #logout(): Promise<void> {
    const { session, logger } = this.#rt;
    let gaveUp = false;
    const done = session.logout().then(
      () => true,
      (error: unknown) => {
        if (!gaveUp) {
          logger.warn({ reason: getErrorMessage(error) }, 'could not log out');
        }
        return true;
      },
    );
    const answered = await Promise.race([
      done,
      sleep(LOGOUT_WAIT_MS, false, { ref: false }),
    ]);
    if (answered) return;
    gaveUp = true;
    session.client.abortPending();
    await done;
    logger.warn(
      { waitedMs: LOGOUT_WAIT_MS },
      'could not log out: the directory did not answer',
    );
  }

  #createPresence(server: PeerServer): Presence {
    const { session, options, logger } = this.#rt;
    return new Presence({
      session,
      index: this.#index,
      announce: announceBody(options.profile.listen, server.port),
      logger,
      heartbeatMs: options.heartbeatMs,
      peersRefreshMs: options.peersRefreshMs,
      onConnection: (connection, error) =>
        this.#state.update({ connection, connectionError: error }),
      onReplaced: () => {
        this.#isReplaced = true;
        this.#onReplaced();
      },
      onPeers: (peers) => {
        if (JSON.stringify(peers) !== JSON.stringify(this.#state.get().peers)) {
          this.#state.update({ peers });
        }
      },
    });
  }

  #watchShare(): void {
    const { share, logger } = this.#rt;
    const summary = () => this.#state.update({ share: share.summary() });
    share.on(ShareEvent.Scanning, summary);
    share.on(ShareEvent.Delta, (delta: ShareDelta) => {
      summary();
      if (this.#isReplaced) return;
      this.#index.sendDelta(delta).catch((error: unknown) => {
        logger.warn({ reason: getErrorMessage(error) }, 'index update failed');
      });
    });
    share.on(ShareEvent.Warning, (error: Error) => {
      logger.warn({ reason: error.message }, 'share');
    });
    share.on(ShareEvent.Unreadable, (files) => {
      logger.warn({ files }, 'unreadable files in share');
    });
    share
      .watch()
      .then(() => share.scan())
      .catch((error: unknown) => {
        logger.warn({ reason: getErrorMessage(error) }, 'share scan failed');
      });
  }

  #tick(): void {
    const moving = this.#uploads?.active === true || this.#queue.speedBps() > 0;
    if (moving || this.#moving) this.#transfersChanged();
    this.#moving = moving;
  }

  #transfersChanged(): void {
    const uploads = this.#uploads;
    this.#state.update({
      transfers: [...this.#queue.snapshots(), ...(uploads?.snapshots() ?? [])],
      downSpeedBps: this.#queue.speedBps(),
      upSpeedBps: uploads?.speedBps() ?? 0,
    });
  }
}

/**
 * What we announce: the listen host, unless it is a wildcard address; then
 * the directory takes the address our requests come from.
 */
function announceBody(listen: string, port: number): AnnounceBody {
  const { host } = parseListen(listen);
  return host === '0.0.0.0' || host === '::' ? { port } : { host, port };
}

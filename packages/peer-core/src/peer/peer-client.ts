/**
 * The contract between peer-core and every front end (the TUI, the CLI).
 * A front end holds a `PeerClient`, renders `snapshot()` and re-renders on
 * `PeerEvent.Changed`; it never speaks REST or gRPC itself and never polls
 * the directory. The real implementation is `Peer`; tests of front ends may
 * also use the fake from `@ferry/peer-core/testing`.
 */

/** Where the peer stands with its directory. */
export enum ConnectionState {
  /** Not started, or stopped. */
  Offline = 'offline',
  /** Logging in and announcing for the first time. */
  Connecting = 'connecting',
  /** Logged in, announced, heartbeats answered. */
  Online = 'online',
  /** The directory stopped answering or the session expired; retrying. */
  Reconnecting = 'reconnecting',
}

/** An online peer as the directory lists it. */
export interface PeerSummary {
  username: string;
  host: string;
  port: number;
  fileCount: number;
  totalBytes: number;
  /** When the directory last heard from it, ms since the epoch. */
  lastSeenMs: number;
}

/** One file found by search: one entry per content hash. */
export interface SearchResult {
  sha256: string;
  /** The best-ranked name; `names` has every distinct name seen. */
  name: string;
  names: string[];
  size: number;
  /** Number of online peers holding it. */
  sources: number;
}

/** The files a search found, best first. */
export interface SearchPage {
  results: SearchResult[];
  /**
   * More files may match than `results` holds: the directory has further
   * results past the limit, or it left out names of a very large tie of
   * equally long names. More words narrow the search.
   */
  more: boolean;
}

/** One file of a peer's share (a browsed peer's or our own). */
export interface SharedFileEntry {
  name: string;
  /** Relative to the share root, "/"-separated; display only. */
  path: string;
  size: number;
  sha256: string;
  piecesRoot: string;
  mtimeMs: number;
}

/** Lifecycle of one transfer. */
export enum TransferState {
  Queued = 'queued',
  Connecting = 'connecting',
  Downloading = 'downloading',
  Uploading = 'uploading',
  Paused = 'paused',
  Verifying = 'verifying',
  Done = 'done',
  Failed = 'failed',
  Cancelled = 'cancelled',
}

export type TransferDirection = 'down' | 'up';

/** What a front end shows of one download or upload. */
export interface TransferSnapshot {
  id: string;
  direction: TransferDirection;
  name: string;
  sha256: string;
  size: number;
  bytesDone: number;
  /** Bytes per second, smoothed over the last few seconds. */
  speedBps: number;
  /** Seconds left at the current speed; null when unknown. */
  etaSeconds: number | null;
  /** Downloads: sources in use. Uploads: 1. */
  sources: number;
  /** Uploads: the remote address; downloads: undefined. */
  remote?: string;
  state: TransferState;
  /** Why it failed, in words a user can act on. */
  error?: string;
  /**
   * Downloads: why a connecting or downloading transfer is not moving
   * ("no data from alice for 6 s"); absent while it moves.
   */
  note?: string;
}

/** Totals of our own share. */
export interface ShareSummary {
  folder: string;
  fileCount: number;
  totalBytes: number;
  /** True while the first scan or a rescan is hashing files. */
  scanning: boolean;
}

/** Everything a front end draws, in one immutable value. */
export interface PeerSnapshot {
  username: string;
  directoryUrl: string;
  connection: ConnectionState;
  /** Why the peer is not online, when it is not. */
  connectionError?: string;
  /** The gRPC address this peer serves on, once listening. */
  listenAddress?: string;
  peers: PeerSummary[];
  share: ShareSummary;
  transfers: TransferSnapshot[];
  downSpeedBps: number;
  upSpeedBps: number;
}

/** Names of the events a `PeerClient` emits. */
export enum PeerEvent {
  /** The snapshot changed; the listener gets the new one. */
  Changed = 'changed',
}

export interface PeerEvents {
  [PeerEvent.Changed]: [snapshot: PeerSnapshot];
}

/** Options of a search. */
export interface SearchOptions {
  limit?: number;
  minSize?: number;
  maxSize?: number;
  /** Extension without the dot, e.g. "mp3". */
  ext?: string;
}

/** What a front end may do with a running peer. */
export interface PeerClient {
  snapshot(): PeerSnapshot;
  /** Subscribes to a change; returns the function that unsubscribes. */
  subscribe(listener: (snapshot: PeerSnapshot) => void): () => void;
  search(query: string, options?: SearchOptions): Promise<SearchPage>;
  browse(username: string): Promise<SharedFileEntry[]>;
  ownFiles(): Promise<SharedFileEntry[]>;
  /**
   * Queues a download; returns its transfer id. A file (sha256) already
   * queued, running or paused into the download folder is not queued
   * again: the id of that transfer is returned.
   */
  download(file: { sha256: string; name: string; size: number }): string;
  pause(transferId: string): void;
  resume(transferId: string): void;
  cancel(transferId: string): void;
  retry(transferId: string): void;
  /**
   * Moves a download to `index` of the queue order (0 starts next).
   * Optional: front ends check for it before offering reordering.
   */
  move?(transferId: string, index: number): void;
  /**
   * Removes done, cancelled and failed transfers (downloads and uploads)
   * from the list; downloaded files stay. Optional: front ends check for it.
   */
  clearFinished?(): void;
  /** Saves state, logs out and stops serving. */
  stop(): Promise<void>;
}

/** A saved login profile (stored with `conf`; never holds a password). */
export interface Profile {
  /** Unique name the user picks, e.g. "home". */
  name: string;
  /** Base URL of the directory, e.g. "http://127.0.0.1:7070". */
  directoryUrl: string;
  username: string;
  /** Folder whose files this peer shares. */
  shareDir: string;
  /** Folder downloads are written to. */
  downloadDir: string;
  /** gRPC listen address "HOST:PORT"; port 0 picks a free port. */
  listen: string;
}

/** Saved profiles, as the TUI's login screen manages them. */
export interface ProfileStore {
  list(): Profile[];
  get(name: string): Profile | undefined;
  /** Creates or replaces the profile with `profile.name`. */
  save(profile: Profile): void;
  remove(name: string): void;
}

/** How a front end logs in: the profile's settings and the password. */
export interface LoginRequest {
  profile: Profile;
  password: string;
  /** Create the account first (`POST /v1/users`), then log in. */
  register?: boolean;
}

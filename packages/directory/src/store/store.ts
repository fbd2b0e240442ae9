import type { FileEntry, PeerSummary, Source } from '../api/index.js';

/**
 * Everything the directory keeps, behind one small interface: the routes
 * never see SQL. Every method is async so that a networked database
 * (PostgreSQL) can implement it; the SQLite store answers synchronously
 * inside. Times are ms since the epoch and always passed in (the store has
 * no clock of its own), so TTLs are testable.
 */
export interface DirectoryStore {
  /** Creates a user; false when the username is taken. */
  createUser(user: NewUser): Promise<boolean>;
  /** The stored password hash of a user, for login. */
  findCredentials(username: string): Promise<Credentials | undefined>;

  createSession(session: NewSession): Promise<void>;
  /** The live session whose token hashes to `tokenHash`. */
  findSession(
    tokenHash: Buffer,
    nowMs: number,
  ): Promise<SessionRecord | undefined>;
  /** Deletes a session and takes offline the peer it announced. */
  deleteSession(sessionId: number): Promise<void>;
  /** Deletes sessions that expired before `nowMs`; returns how many. */
  deleteExpiredSessions(nowMs: number): Promise<number>;

  /**
   * Records the peer's address and `nowMs` as its last heartbeat. A session
   * announcing while another session of the account holds its presence
   * takes it over, and the other session is replaced from then on. Returns
   * false, recording nothing, when this session has been replaced.
   */
  announce(announce: Announce): Promise<boolean>;
  /** Whether a newer session of the account has taken its presence over. */
  sessionReplaced(sessionId: number): Promise<boolean>;
  /** Peers heard from at or after `sinceMs`, by username after `after`. */
  listOnlinePeers(query: PeerListQuery): Promise<PeerSummary[]>;
  /** Whether a user exists, and whether it is online. */
  peerStatus(
    username: string,
    sinceMs: number,
  ): Promise<PeerStatus | undefined>;

  /** Replaces a user's whole index, in one transaction. */
  replaceIndex(
    userId: number,
    files: readonly FileEntry[],
  ): Promise<IndexTotals>;
  /** Removes entries by path, then adds or replaces entries by path. */
  patchIndex(
    userId: number,
    add: readonly FileEntry[],
    remove: readonly string[],
  ): Promise<IndexTotals>;
  /** One page of a user's index, by path after `afterPath`. */
  listFiles(
    userId: number,
    afterPath: string | null,
    limit: number,
  ): Promise<FileEntry[]>;

  search(query: StoreSearchQuery): Promise<StoreSearchPage>;
  /** Online holders of a file (one per peer), most recently seen first. */
  sources(sha256: string, sinceMs: number): Promise<SourcesRecord>;

  close(): Promise<void>;
}

export interface NewUser {
  username: string;
  passwordHash: string;
  createdMs: number;
}

export interface Credentials {
  userId: number;
  username: string;
  passwordHash: string;
}

export interface NewSession {
  userId: number;
  tokenHash: Buffer;
  createdMs: number;
  expiresMs: number;
}

export interface SessionRecord {
  sessionId: number;
  userId: number;
  username: string;
  expiresMs: number;
}

export interface Announce {
  userId: number;
  sessionId: number;
  host: string;
  port: number;
  nowMs: number;
}

export interface PeerListQuery {
  sinceMs: number;
  afterUsername: string | null;
  limit: number;
}

export interface PeerStatus {
  userId: number;
  online: boolean;
  fileCount: number;
  totalBytes: number;
}

export interface IndexTotals {
  fileCount: number;
  totalBytes: number;
}

/**
 * An index write whose sizes would add up to more than
 * `Number.MAX_SAFE_INTEGER` bytes (8 PiB), a total no JSON client reads
 * exactly; the write changes nothing.
 */
export class IndexTooLargeError extends Error {
  constructor() {
    super(
      `the index's sizes would add up to more than ${Number.MAX_SAFE_INTEGER.toLocaleString('en-US')} bytes`,
    );
    this.name = 'IndexTooLargeError';
  }
}

/** Where a search page starts: just after this result. */
export interface SearchPosition {
  score: number;
  sources: number;
  sha256: string;
}

export interface StoreSearchQuery {
  /** Lower-case words; each must match a word (or a word prefix). */
  terms: readonly string[];
  /** Online means heard from at or after this time. */
  sinceMs: number;
  limit: number;
  after: SearchPosition | null;
  minSize: number | null;
  maxSize: number | null;
  /** Lower-case extension without the dot. */
  ext: string | null;
}

/** The results of a search and whether it passed over tied names. */
export interface StoreSearchPage {
  hits: StoreSearchHit[];
  /**
   * The best score at which matching names were passed over because more
   * of them tied on it than a search reads, or null when none were.
   */
  passedOverAt: number | null;
}

export interface StoreSearchHit {
  sha256: string;
  /** Static score of the best-matching name (words, then characters): lower is better. */
  score: number;
  name: string;
  names: string[];
  size: number;
  piecesRoot: string;
  sources: number;
}

export interface SourcesRecord {
  size: number | null;
  piecesRoot: string | null;
  sources: Source[];
}

import type {
  AnnounceBody,
  AnnounceResponse,
  FileEntry,
  HealthResponse,
  IndexSummary,
  ListFilesResponse,
  ListPeersResponse,
  PeerSummary,
  SearchQuery,
  SearchResponse,
  Session,
  SourcesResponse,
  User,
} from '@ferry/directory/api';
import {
  got,
  type Got,
  type Method,
  type OptionsOfJSONResponseBody,
} from 'got';
import { cancelled, toDirectoryError } from './directory-errors.js';
import { fillRoute, PAGE_LIMITS, ROUTES } from './routes.js';

/** Timeouts and retries of the directory client. */
export interface DirectoryClientOptions {
  /** Whole-request timeout, ms (default 10 s). */
  timeoutMs?: number;
  /** Timeout of register and login, which hash a password slowly (30 s). */
  loginTimeoutMs?: number;
  /** Retries of idempotent calls (GET, PUT, DELETE) only (default 2). */
  retries?: number;
  /** Longest wait between two retries, ms (default 2 s). */
  backoffLimitMs?: number;
}

interface Call {
  method: Method;
  path: string;
  what: string;
  token?: string;
  timeoutMs?: number;
  json?: unknown;
  searchParams?: Record<string, string | number>;
}

/**
 * The directory's REST API over `got`, typed from `@ferry/directory/api`.
 * Every call has a timeout; only idempotent calls are retried, with
 * backoff; every failure is a `DirectoryError` with a stable `code`.
 */
export class DirectoryClient {
  private readonly http: Got;
  private readonly loginTimeoutMs: number;
  #pending = new AbortController();

  constructor(
    readonly baseUrl: string,
    options: DirectoryClientOptions = {},
  ) {
    this.loginTimeoutMs = options.loginTimeoutMs ?? 30_000;
    this.http = got.extend({
      prefixUrl: baseUrl,
      timeout: { request: options.timeoutMs ?? 10_000 },
      retry: {
        limit: options.retries ?? 2,
        methods: ['GET', 'PUT', 'DELETE'],
        backoffLimit: options.backoffLimitMs ?? 2000,
      },
    });
  }

  /**
   * Aborts the calls in flight now: they fail at once as `Cancelled`
   * (`login: cancelled`). Later calls run as usual.
   */
  abortPending(): void {
    this.#pending.abort();
    this.#pending = new AbortController();
  }

  health(): Promise<HealthResponse> {
    return this.call({ method: 'GET', path: ROUTES.health, what: 'health' });
  }

  register(username: string, password: string): Promise<User> {
    const json = { username, password };
    return this.call({
      method: 'POST',
      path: ROUTES.users,
      what: 'register',
      timeoutMs: this.loginTimeoutMs,
      json,
    });
  }

  login(username: string, password: string): Promise<Session> {
    const json = { username, password };
    return this.call({
      method: 'POST',
      path: ROUTES.sessions,
      what: 'login',
      timeoutMs: this.loginTimeoutMs,
      json,
    });
  }

  async logout(token: string): Promise<void> {
    await this.call<unknown>({
      method: 'DELETE',
      path: ROUTES.currentSession,
      what: 'logout',
      token,
    });
  }

  announce(token: string, json: AnnounceBody): Promise<AnnounceResponse> {
    return this.call({
      method: 'PUT',
      path: ROUTES.me,
      what: 'announce',
      token,
      json,
    });
  }

  putFiles(token: string, files: FileEntry[]): Promise<IndexSummary> {
    const json = { files };
    return this.call({
      method: 'PUT',
      path: ROUTES.myFiles,
      what: 'index upload',
      token,
      json,
    });
  }

  patchFiles(
    token: string,
    add: FileEntry[],
    remove: string[],
  ): Promise<IndexSummary> {
    const json = { add, remove };
    return this.call({
      method: 'PATCH',
      path: ROUTES.myFiles,
      what: 'index update',
      token,
      json,
    });
  }

  async listPeers(token: string): Promise<PeerSummary[]> {
    const peers: PeerSummary[] = [];
    let cursor: string | null = null;
    do {
      const page: ListPeersResponse = await this.call({
        method: 'GET',
        path: ROUTES.peers,
        what: 'peer list',
        token,
        searchParams: pageParams(PAGE_LIMITS.peers, cursor),
      });
      peers.push(...page.peers);
      cursor = page.nextCursor;
    } while (cursor !== null);
    return peers;
  }

  async listFiles(token: string, username: string): Promise<FileEntry[]> {
    const files: FileEntry[] = [];
    let cursor: string | null = null;
    do {
      const page: ListFilesResponse = await this.call({
        method: 'GET',
        path: fillRoute(ROUTES.peerFiles, { username }),
        what: `browse ${username}`,
        token,
        searchParams: pageParams(PAGE_LIMITS.files, cursor),
      });
      files.push(...page.files);
      cursor = page.nextCursor;
    } while (cursor !== null);
    return files;
  }

  search(token: string, query: SearchQuery): Promise<SearchResponse> {
    const searchParams = Object.fromEntries(
      Object.entries(query).filter(([, value]) => value !== undefined),
    ) as Record<string, string | number>;
    return this.call({
      method: 'GET',
      path: ROUTES.search,
      what: 'search',
      token,
      searchParams,
    });
  }

  sources(token: string, sha256: string): Promise<SourcesResponse> {
    return this.call({
      method: 'GET',
      path: fillRoute(ROUTES.sources, { sha256 }),
      what: 'sources',
      token,
    });
  }

  private async call<T>(call: Call): Promise<T> {
    const signal = this.#pending.signal;
    const options: OptionsOfJSONResponseBody = {
      method: call.method,
      responseType: 'json',
      headers:
        call.token === undefined
          ? {}
          : { authorization: `Bearer ${call.token}` },
      json: call.json,
      searchParams: call.searchParams,
      signal,
    };
    if (call.timeoutMs !== undefined) {
      options.timeout = { request: call.timeoutMs };
    }
    try {
      const response = await this.http<T>(call.path.slice(1), options);
      return response.body;
    } catch (error) {
      if (signal.aborted) throw cancelled(error, call.what);
      throw toDirectoryError(error, call.what);
    }
  }
}

function pageParams(
  limit: number,
  cursor: string | null,
): Record<string, string | number> {
  return cursor === null ? { limit } : { limit, cursor };
}

import type { SessionKey, TokenStore } from '../config/token-store.js';
import type { DirectoryClient } from '../directory-client/directory-client.js';
import { PeerError, PeerErrorCode } from '../errors.js';

/** Where a session gets its password when it must log in. */
export type PasswordSource = () => Promise<string>;

export interface DirectorySessionOptions {
  client: DirectoryClient;
  username: string;
  password: PasswordSource;
  /** Keeps the token between processes (mode 0600 file). */
  tokens?: TokenStore;
}

/**
 * One user's session with the directory: logs in only when there is no
 * usable token (a login costs a slow password hash), keeps the token in
 * the token store, and logs in again once when the directory says the
 * token is no longer valid.
 */
export class DirectorySession {
  readonly client: DirectoryClient;
  readonly username: string;
  #token: string | undefined;
  #login: Promise<string> | undefined;
  #logins = 0;

  constructor(private readonly options: DirectorySessionOptions) {
    this.client = options.client;
    this.username = options.username;
    this.#token = options.tokens?.get(this.#key());
  }

  /** True when a token is at hand (not necessarily still valid). */
  get hasToken(): boolean {
    return this.#token !== undefined;
  }

  /** How many logins this session made; a change means a new session. */
  get logins(): number {
    return this.#logins;
  }

  /** Logs in now, replacing any token; returns the new token. */
  async login(): Promise<string> {
    this.#login ??= this.#doLogin().finally(() => {
      this.#login = undefined;
    });
    return this.#login;
  }

  /** Runs `call` with a valid token, logging in (again) when needed. */
  async call<T>(call: (token: string) => Promise<T>): Promise<T> {
    const token = this.#token ?? (await this.login());
    try {
      return await call(token);
    } catch (error) {
      if (!isUnauthorized(error)) throw error;
      if (this.#token === token) this.#forget();
      return call(this.#token ?? (await this.login()));
    }
  }

  /** Ends the session at the directory and forgets the token. */
  async logout(): Promise<void> {
    const token = this.#token;
    this.#forget();
    if (token === undefined) return;
    try {
      await this.client.logout(token);
    } catch (error) {
      if (!isUnauthorized(error)) throw error;
    }
  }

  async #doLogin(): Promise<string> {
    const password = await this.options.password();
    const session = await this.client.login(this.username, password);
    this.#token = session.token;
    this.#logins += 1;
    this.options.tokens?.set(this.#key(), session.token);
    return session.token;
  }

  /**
   * Drops our token, and the saved one if it is still ours: another program
   * with the same config folder (the TUI beside `serve`) may have saved a
   * newer one since.
   */
  #forget(): void {
    const token = this.#token;
    this.#token = undefined;
    const tokens = this.options.tokens;
    if (token !== undefined && tokens?.get(this.#key()) === token) {
      tokens.delete(this.#key());
    }
  }

  #key(): SessionKey {
    return { directoryUrl: this.client.baseUrl, username: this.username };
  }
}

/** True for a `PeerError` saying the token or password was refused. */
export function isUnauthorized(error: unknown): boolean {
  return (
    error instanceof PeerError && error.code === PeerErrorCode.Unauthorized
  );
}

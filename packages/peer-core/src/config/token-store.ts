import {
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { getErrorMessage, isNodeError } from '../errors.js';
import { resolveFerryPaths, type HomeOptions } from './paths.js';

/** Who a session token belongs to. */
export interface SessionKey {
  directoryUrl: string;
  username: string;
}

/** Where the token store lives and whom it tells of trouble. */
export interface TokenStoreOptions extends HomeOptions {
  /**
   * Told (once per store) when `sessions.json` cannot be read or written;
   * a pino logger fits. Without it such trouble is silent.
   */
  logger?: { warn(message: string): void };
}

/**
 * Session tokens kept in `sessions.json` (mode 0600) of the config folder,
 * one per directory and user, so that CLI calls reuse one login.
 * Keeping tokens only saves logins: a file that cannot be read counts as
 * empty and one that cannot be written is skipped, with one warning.
 */
export class TokenStore {
  readonly file: string;
  readonly #logger: TokenStoreOptions['logger'];
  #warned = false;

  constructor(options: TokenStoreOptions = {}) {
    this.file = path.join(
      resolveFerryPaths(options).configDir,
      'sessions.json',
    );
    this.#logger = options.logger;
  }

  get(key: SessionKey): string | undefined {
    return this.read()[keyOf(key)];
  }

  set(key: SessionKey, token: string): void {
    this.write({ ...this.read(), [keyOf(key)]: token });
  }

  delete(key: SessionKey): void {
    const rest = Object.entries(this.read()).filter(
      ([name]) => name !== keyOf(key),
    );
    this.write(Object.fromEntries(rest));
  }

  private read(): Record<string, string> {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (error) {
      if (isNodeError(error, 'ENOENT') || isNodeError(error, 'ENOTDIR')) {
        return {};
      }
      this.#warn(
        `cannot read saved sessions from ${this.file} (${getErrorMessage(error)}); ` +
          'logging in with the password. Remove or repair that file.',
      );
      return {};
    }
    return parseTokens(text);
  }

  private write(tokens: Record<string, string>): void {
    const temp = `${this.file}.${process.pid}.tmp`;
    try {
      mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
      writeFileSync(temp, `${JSON.stringify(tokens, null, 2)}\n`, {
        mode: 0o600,
      });
      renameSync(temp, this.file);
    } catch (error) {
      removeQuietly(temp);
      this.#warn(
        `cannot save the session to ${this.file} (${getErrorMessage(error)}); ` +
          'the next command logs in again. Make that folder writable ' +
          '(and sessions.json a file), or set FERRY_HOME to one that is.',
      );
    }
  }

  #warn(message: string): void {
    if (this.#warned) return;
    this.#warned = true;
    this.#logger?.warn(message);
  }
}

function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // Nothing was written there, or it cannot be removed either
  }
}

/** A damaged file holds no usable token: it is treated as empty. */
function parseTokens(text: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return {};
    return Object.fromEntries(
      Object.entries(value).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    );
  } catch {
    return {};
  }
}

function keyOf(key: SessionKey): string {
  return `${key.username}@${key.directoryUrl}`;
}

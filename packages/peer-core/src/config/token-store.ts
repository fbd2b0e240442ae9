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
import { parseSessions, type SavedSessions } from './sessions-file.js';

/** Who a session token belongs to. */
export interface SessionKey {
  directoryUrl: string;
  username: string;
}

/** Where the token store lives and whom it tells of trouble. */
export interface TokenStoreOptions extends HomeOptions {
  /**
   * Told (once per store and kind of trouble) when `sessions.json` cannot
   * be read or written, or the session asked for is damaged; a pino logger
   * fits. Without it such trouble is silent.
   */
  logger?: { warn(message: string): void };
}

/**
 * Session tokens kept in `sessions.json` (mode 0600) of the config folder,
 * one per directory and user, so that CLI calls reuse one login.
 * Keeping tokens only saves logins: a file that cannot be read counts as
 * empty and one that cannot be written is skipped, with one warning. A
 * damaged file or entry (not JSON, not a token) counts as no session, with
 * a warning naming it; the next login replaces it.
 */
export class TokenStore {
  readonly file: string;
  readonly #logger: TokenStoreOptions['logger'];
  readonly #warned = new Set<'io' | 'damaged'>();

  constructor(options: TokenStoreOptions = {}) {
    this.file = path.join(
      resolveFerryPaths(options).configDir,
      'sessions.json',
    );
    this.#logger = options.logger;
  }

  get(key: SessionKey): string | undefined {
    const saved = this.read();
    if (saved.damagedFile) {
      this.#warn(
        'damaged',
        `the saved sessions in ${this.file} are damaged (not a JSON object) ` +
          'and cannot be used: log in again (the next login replaces the file).',
      );
    } else if (saved.damaged.has(keyOf(key))) {
      this.#warn(
        'damaged',
        `the saved session of ${key.username} at ${key.directoryUrl} in ` +
          `${this.file} is damaged (not a token) and cannot be used: ` +
          'log in again (the next login replaces it).',
      );
    }
    return saved.tokens[keyOf(key)];
  }

  set(key: SessionKey, token: string): void {
    this.write({ ...this.read().tokens, [keyOf(key)]: token });
  }

  delete(key: SessionKey): void {
    const rest = Object.entries(this.read().tokens).filter(
      ([name]) => name !== keyOf(key),
    );
    this.write(Object.fromEntries(rest));
  }

  /**
   * Removes what keeps `key` from a usable session without a word: its
   * entry when that is damaged (not a token), or the whole file's content
   * when the file is damaged (not a JSON object, so it holds no usable
   * token). Says which it removed; undefined when neither was damaged or
   * the file could not be written (after a warning).
   */
  removeDamaged(key: SessionKey): 'entry' | 'file' | undefined {
    const saved = this.read();
    if (saved.damagedFile) return this.write({}) ? 'file' : undefined;
    if (!saved.damaged.has(keyOf(key))) return undefined;
    return this.write(saved.tokens) ? 'entry' : undefined;
  }

  private read(): SavedSessions {
    const none = { tokens: {}, damaged: new Set<string>(), damagedFile: false };
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (error) {
      if (isNodeError(error, 'ENOENT') || isNodeError(error, 'ENOTDIR')) {
        return none;
      }
      this.#warn(
        'io',
        `cannot read saved sessions from ${this.file} (${getErrorMessage(error)}); ` +
          'logging in with the password. Remove or repair that file.',
      );
      return none;
    }
    return parseSessions(text);
  }

  /** Writes `tokens` as the whole file; false (after a warning) if it fails. */
  private write(tokens: Record<string, string>): boolean {
    const temp = `${this.file}.${process.pid}.tmp`;
    try {
      mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
      writeFileSync(temp, `${JSON.stringify(tokens, null, 2)}\n`, {
        mode: 0o600,
      });
      renameSync(temp, this.file);
      return true;
    } catch (error) {
      removeQuietly(temp);
      this.#warn(
        'io',
        `cannot save the session to ${this.file} (${getErrorMessage(error)}); ` +
          'the next command logs in again. Make that folder writable ' +
          '(and sessions.json a file), or set FERRY_HOME to one that is.',
      );
      return false;
    }
  }

  #warn(kind: 'io' | 'damaged', message: string): void {
    if (this.#warned.has(kind)) return;
    this.#warned.add(kind);
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

function keyOf(key: SessionKey): string {
  return `${key.username}@${key.directoryUrl}`;
}

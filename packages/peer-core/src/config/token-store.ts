import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isNodeError } from '../errors.js';
import { resolveFerryPaths, type HomeOptions } from './paths.js';

/** Who a session token belongs to. */
export interface SessionKey {
  directoryUrl: string;
  username: string;
}

/**
 * Session tokens kept in `sessions.json` (mode 0600) of the config folder,
 * one per directory and user, so that CLI calls reuse one login.
 */
export class TokenStore {
  readonly file: string;

  constructor(options: HomeOptions = {}) {
    this.file = path.join(
      resolveFerryPaths(options).configDir,
      'sessions.json',
    );
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
      if (isNodeError(error, 'ENOENT')) return {};
      throw error;
    }
    return parseTokens(text);
  }

  private write(tokens: Record<string, string>): void {
    mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    const temp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify(tokens, null, 2)}\n`, {
      mode: 0o600,
    });
    renameSync(temp, this.file);
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

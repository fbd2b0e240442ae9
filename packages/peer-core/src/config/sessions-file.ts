/** What `sessions.json` holds: usable tokens and what could not be used. */
export interface SavedSessions {
  /** Tokens by `user@directory`, each one a valid bearer token. */
  tokens: Record<string, string>;
  /** Keys whose saved value is not a token (a damaged entry). */
  damaged: ReadonlySet<string>;
  /** True when the file is not a JSON object at all. */
  damagedFile: boolean;
}

/**
 * A bearer token as HTTP allows it (RFC 6750 `b64token`): anything else,
 * sent in the `Authorization` header, fails before reaching the directory.
 */
const TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

/** True when `value` can be sent as a session token. */
export function isToken(value: unknown): value is string {
  return typeof value === 'string' && TOKEN.test(value);
}

/**
 * Reads the text of `sessions.json`. A damaged file, or a damaged entry,
 * holds no usable token; it is reported so the user hears why they log in
 * again.
 */
export function parseSessions(text: string): SavedSessions {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { tokens: {}, damaged: new Set(), damagedFile: true };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { tokens: {}, damaged: new Set(), damagedFile: true };
  }
  const entries = Object.entries(value);
  return {
    tokens: Object.fromEntries(
      entries.filter((entry): entry is [string, string] => isToken(entry[1])),
    ),
    damaged: new Set(
      entries.filter(([, token]) => !isToken(token)).map(([key]) => key),
    ),
    damagedFile: false,
  };
}

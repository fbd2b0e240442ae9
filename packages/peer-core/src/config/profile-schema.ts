import type { Profile } from '../peer/peer-client.js';
import { PeerError, PeerErrorCode } from '../errors.js';

const PROFILE_KEYS = [
  'name',
  'directoryUrl',
  'username',
  'shareDir',
  'downloadDir',
  'listen',
] as const;

/** Checks one stored or given profile; names the bad key in the error. */
export function validateProfile(value: unknown, where: string): Profile {
  if (typeof value !== 'object' || value === null) {
    throw invalid(`${where} is not an object`);
  }
  const record = value as Record<string, unknown>;
  for (const key of PROFILE_KEYS) {
    if (typeof record[key] !== 'string') {
      throw invalid(`${where}: "${key}" must be a string`);
    }
  }
  const profile = Object.fromEntries(
    PROFILE_KEYS.map((key) => [key, record[key]]),
  ) as unknown as Profile;
  if (profile.name.trim() === '') throw invalid(`${where}: "name" is empty`);
  checkUrl(profile.directoryUrl, where);
  checkListen(profile.listen, where);
  return profile;
}

/** Parses "HOST:PORT" (port 0 to 65535); throws a clear error otherwise. */
export function parseListen(
  listen: string,
  where = 'listen address',
): { host: string; port: number } {
  const match = /^(.+):(\d{1,5})$/.exec(listen);
  const port = Number(match?.[2]);
  if (match?.[1] === undefined || !Number.isInteger(port) || port > 65_535) {
    throw invalid(`${where}: "${listen}" is not HOST:PORT`);
  }
  return { host: match[1].replace(/^\[(.*)\]$/, '$1'), port };
}

/** Checks a directory URL is http(s); returns it without a trailing slash. */
export function normalizeDirectoryUrl(
  url: string,
  where = 'directory',
): string {
  checkUrl(url, where);
  return url.replace(/\/+$/, '');
}

function checkUrl(url: string, where: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid(`${where}: "${url}" is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw invalid(`${where}: "${url}" must start with http:// or https://`);
  }
}

function checkListen(listen: string, where: string): void {
  parseListen(listen, `${where}: "listen"`);
}

function invalid(message: string): PeerError {
  return new PeerError(PeerErrorCode.InvalidInput, message);
}

import { InvalidArgumentError } from 'commander';
import {
  normalizeDirectoryUrl,
  parseListen,
} from '../config/profile-schema.js';
import { getErrorMessage } from '../errors.js';

/** A flag parser for integers 1..max; anything else is a usage error. */
export function positiveInteger(max: number) {
  return (value: string): number => {
    const number = Number(value);
    if (!/^\d+$/.test(value) || number < 1 || number > max) {
      throw new InvalidArgumentError(`expected an integer from 1 to ${max}`);
    }
    return number;
  };
}

/** A flag parser for a 64-hex-digit SHA-256 (upper case is accepted). */
export function sha256Argument(value: string): string {
  if (!/^[0-9a-fA-F]{64}$/.test(value)) {
    throw new InvalidArgumentError('expected a SHA-256 of 64 hex digits');
  }
  return value.toLowerCase();
}

/** An argument parser for search words: blank is a usage error. */
export function searchQuery(value: string): string {
  const query = value.trim();
  if (query === '') {
    throw new InvalidArgumentError('a search needs at least one word');
  }
  return query;
}

/** A flag parser for "HOST:PORT" (port 0 picks a free port). */
export function listenArgument(value: string): string {
  return asUsageError(() => parseListen(value, 'listen address') && value);
}

/** A flag parser for an http(s) directory URL. */
export function directoryArgument(value: string): string {
  return asUsageError(() => normalizeDirectoryUrl(value, 'directory URL'));
}

function asUsageError<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new InvalidArgumentError(getErrorMessage(error));
  }
}

import { readFileSync } from 'node:fs';
import {
  getErrorMessage,
  isNodeError,
  PeerError,
  PeerErrorCode,
} from '../errors.js';

/**
 * The saved profiles by name, read from `file` (`profiles.json`) without
 * writing anything: a file that is not there (nor its folder) holds none.
 * A file that cannot be read or is damaged throws an error naming it.
 */
export function readProfiles(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (isNodeError(error, 'ENOENT') || isNodeError(error, 'ENOTDIR')) {
      return {};
    }
    throw damaged(file, getErrorMessage(error), error);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw damaged(file, getErrorMessage(error), error);
  }
  if (!isRecord(value)) throw damaged(file, 'not a JSON object');
  const profiles = value['profiles'];
  if (profiles === undefined) return {};
  if (!isRecord(profiles)) throw damaged(file, '"profiles" is not an object');
  return profiles;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function damaged(file: string, reason: string, cause?: unknown): PeerError {
  return new PeerError(PeerErrorCode.InvalidInput, `${file}: ${reason}`, {
    cause,
  });
}

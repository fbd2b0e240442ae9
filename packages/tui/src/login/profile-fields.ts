import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Profile } from '@ferry/peer-core';
import { usernameProblem } from './account-rules.js';

/** The form's fields in order, with their labels. */
export const PROFILE_FIELDS: readonly (readonly [keyof Profile, string])[] = [
  ['name', 'Profile name'],
  ['directoryUrl', 'Directory URL'],
  ['username', 'Username'],
  ['shareDir', 'Share folder'],
  ['downloadDir', 'Download folder'],
  ['listen', 'Listen on'],
];

/**
 * A new profile's starting values; its folders go under `base`: `--home`,
 * else `FERRY_HOME`, else `~/Ferry` (as the command-line settings do).
 */
export function defaultProfile(
  base: string = process.env['FERRY_HOME'] || join(homedir(), 'Ferry'),
): Profile {
  return {
    name: '',
    directoryUrl: 'http://127.0.0.1:7070',
    username: '',
    shareDir: join(base, 'share'),
    downloadDir: join(base, 'downloads'),
    listen: '127.0.0.1:0',
  };
}

function isHttpUrl(text: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

/** What is wrong with a profile, in words, or undefined when it is fine. */
export function profileProblem(profile: Profile): string | undefined {
  const empty = PROFILE_FIELDS.find(([key]) => profile[key].trim() === '');
  if (empty) return `${empty[1]} is empty.`;
  if (!isHttpUrl(profile.directoryUrl)) {
    return 'Directory URL must look like http://host:port.';
  }
  const username = usernameProblem(profile.username);
  if (username) return username;
  const port = /^[^\s:]+:(\d{1,5})$/.exec(profile.listen)?.[1];
  if (port === undefined || Number(port) > 65_535) {
    return 'Listen on must be HOST:PORT (port 0 picks a free one).';
  }
  return undefined;
}

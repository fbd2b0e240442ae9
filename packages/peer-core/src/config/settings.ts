import os from 'node:os';
import path from 'node:path';
import type { Profile, ProfileStore } from '../peer/peer-client.js';
import { PeerError, PeerErrorCode } from '../errors.js';
import { normalizeDirectoryUrl, validateProfile } from './profile-schema.js';

/** Settings given on the command line; each one wins over the others. */
export interface SettingFlags {
  profile?: string;
  directory?: string;
  user?: string;
  share?: string;
  downloads?: string;
  listen?: string;
}

/** The directory used when nothing else names one. */
export const DEFAULT_DIRECTORY_URL = 'http://127.0.0.1:7070';
/** The gRPC listen address used when nothing else names one. */
export const DEFAULT_LISTEN = '127.0.0.1:0';
/** The profile name used when no `--profile` is given. */
export const DEFAULT_PROFILE = 'default';

/**
 * Resolves one profile from flags, then `FERRY_*` variables, then the saved
 * profile, then defaults. The result is validated; the username is required.
 */
export function resolveSettings(
  flags: SettingFlags,
  store: ProfileStore,
  env: NodeJS.ProcessEnv = process.env,
): Profile {
  const name = flags.profile ?? DEFAULT_PROFILE;
  const saved = store.get(name);
  if (flags.profile !== undefined && saved === undefined) {
    throw new PeerError(
      PeerErrorCode.InvalidInput,
      `no saved profile named "${flags.profile}"`,
    );
  }
  const base = env['FERRY_HOME'] || path.join(os.homedir(), 'Ferry');
  const pick = (flag?: string, variable?: string, stored?: string) =>
    flag ?? (variable || undefined) ?? stored;
  const username = pick(flags.user, env['FERRY_USER'], saved?.username);
  if (username === undefined || username === '') {
    throw new PeerError(
      PeerErrorCode.InvalidInput,
      'no user: pass --user NAME, set FERRY_USER, or use a saved --profile',
    );
  }
  const directoryUrl =
    pick(flags.directory, env['FERRY_DIRECTORY'], saved?.directoryUrl) ??
    DEFAULT_DIRECTORY_URL;
  return validateProfile(
    {
      name,
      username,
      directoryUrl: normalizeDirectoryUrl(directoryUrl, 'directory URL'),
      shareDir: path.resolve(
        flags.share ?? saved?.shareDir ?? path.join(base, 'share'),
      ),
      downloadDir: path.resolve(
        flags.downloads ?? saved?.downloadDir ?? path.join(base, 'downloads'),
      ),
      listen: flags.listen ?? saved?.listen ?? DEFAULT_LISTEN,
    },
    'settings',
  );
}

import {
  normalizeDirectoryUrl,
  parseListen,
  PeerError,
  PeerErrorCode,
  type ProfileStore,
} from '@ferry/peer-core';
import type { FerryFlags } from './ferry-flags.js';

/**
 * Refuses, before any screen shows, a flag no login could use: a
 * `--profile` not saved, a `--listen` that is not HOST:PORT, a
 * `--directory` (or FERRY_DIRECTORY) that is not an http(s) URL. Throws a
 * `PeerError` (InvalidInput) naming the flag or variable.
 */
export function checkFlags(
  flags: FerryFlags,
  store: ProfileStore,
  env: NodeJS.ProcessEnv,
): void {
  if (flags.profile !== undefined && store.get(flags.profile) === undefined) {
    throw new PeerError(
      PeerErrorCode.InvalidInput,
      `--profile: no saved profile named "${flags.profile}"`,
    );
  }
  if (flags.listen !== undefined) parseListen(flags.listen, '--listen');
  if (flags.directory !== undefined) {
    normalizeDirectoryUrl(flags.directory, '--directory');
  } else if (env['FERRY_DIRECTORY']) {
    normalizeDirectoryUrl(env['FERRY_DIRECTORY'], 'FERRY_DIRECTORY');
  }
}

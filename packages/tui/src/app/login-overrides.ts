import path from 'node:path';
import type { Profile } from '@ferry/peer-core';
import type { FerryFlags } from './ferry-flags.js';

/** The fields of a login the command line sets over a picked profile. */
export type LoginOverrides = Partial<
  Pick<
    Profile,
    'username' | 'directoryUrl' | 'shareDir' | 'downloadDir' | 'listen'
  >
>;

/**
 * What `--user`, `--directory` (or FERRY_USER, FERRY_DIRECTORY), `--share`,
 * `--downloads` and `--listen` set; a profile picked on the login screen
 * logs in with these instead of its own values.
 */
export function loginOverrides(
  flags: FerryFlags,
  env: NodeJS.ProcessEnv,
): LoginOverrides {
  const given: LoginOverrides = {
    username: flags.user ?? (env['FERRY_USER'] || undefined),
    directoryUrl: flags.directory ?? (env['FERRY_DIRECTORY'] || undefined),
    shareDir: flags.share === undefined ? undefined : path.resolve(flags.share),
    downloadDir:
      flags.downloads === undefined ? undefined : path.resolve(flags.downloads),
    listen: flags.listen,
  };
  return Object.fromEntries(
    Object.entries(given).filter(([, value]) => value !== undefined),
  );
}

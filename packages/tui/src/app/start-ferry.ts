import {
  connectPeer,
  openProfileStore,
  PeerError,
  resolveSettings,
  type LoginRequest,
  type PeerClient,
  type ProfileStore,
} from '@ferry/peer-core';
import { checkFlags } from './check-flags.js';
import type { FerryFlags } from './ferry-flags.js';
import { logGrpcToFile } from './grpc-log-file.js';
import { loginOverrides } from './login-overrides.js';
import { runTui } from './run-tui.js';

/** Exit code when the user's input (flags, password, profile) is unusable. */
export const EXIT_FAILURE = 1;

/**
 * Logs straight in when flags or env name a user and give the password; the
 * share and download folders default under `--home` as under FERRY_HOME.
 */
async function directLogin(
  flags: FerryFlags,
  store: ProfileStore,
  connect: (request: LoginRequest) => Promise<PeerClient>,
  env: NodeJS.ProcessEnv,
): Promise<PeerClient | undefined> {
  const password = env['FERRY_PASSWORD'];
  const named = flags.user ?? (env['FERRY_USER'] || flags.profile);
  if (!password || !named) return undefined;
  const { home, ...settings } = flags;
  const homeEnv = home ? { ...env, FERRY_HOME: home } : env;
  return connect({
    profile: resolveSettings(settings, store, homeEnv),
    password,
  });
}

/**
 * Runs `ferry`: opens the profiles, logs in directly when it can, then
 * shows the TUI until the user quits. A user-fixable problem (no terminal,
 * bad flag, wrong password, directory down) prints one line and returns 1.
 */
export async function startFerry(
  flags: FerryFlags,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const options = flags.home ? { home: flags.home } : {};
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write(
      'ferry: needs an interactive terminal; for scripts use ferry-peer\n',
    );
    return EXIT_FAILURE;
  }
  try {
    const store = openProfileStore(options);
    checkFlags(flags, store, env);
    logGrpcToFile(options);
    const connect = (request: LoginRequest, signal?: AbortSignal) =>
      connectPeer(request, { ...options, signal });
    const client = await directLogin(flags, store, connect, env);
    const overrides = loginOverrides(flags, env);
    await runTui({ store, connect, client, home: flags.home, overrides });
    return 0;
  } catch (error) {
    if (!(error instanceof PeerError)) throw error;
    process.stderr.write(`ferry: ${error.message}\n`);
    return EXIT_FAILURE;
  }
}

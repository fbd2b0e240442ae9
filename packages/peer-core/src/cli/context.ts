import { openProfileStore } from '../config/profile-store.js';
import { resolveSettings } from '../config/settings.js';
import { TokenStore } from '../config/token-store.js';
import { DirectoryClient } from '../directory-client/directory-client.js';
import type { Profile } from '../peer/peer-client.js';
import { DirectorySession } from '../peer/directory-session.js';
import type { CommonFlags } from './common-options.js';
import { readPassword } from './password.js';

/** What a command needs: its resolved settings and a directory session. */
export interface CliContext {
  settings: Profile;
  /** Opened on first use, when it reads the saved token. */
  readonly session: DirectorySession;
  tokens: TokenStore;
  /** Reads the password (env, file, prompt) when a login needs it. */
  password: () => Promise<string>;
}

/** Resolves settings (flags, env, profile, defaults) and opens a session. */
export function createContext(
  flags: CommonFlags,
  env: NodeJS.ProcessEnv = process.env,
): CliContext {
  const settings = resolveSettings(flags, openProfileStore({ env }), env);
  const tokens = new TokenStore({ env, logger: { warn: warnOnStderr } });
  const password = () =>
    readPassword({ passwordFile: flags.passwordFile, env });
  let session: DirectorySession | undefined;
  return {
    settings,
    tokens,
    password,
    // Made on first use, as it reads the saved token (warning when it is
    // damaged): logout removes a damaged one before that
    get session() {
      session ??= new DirectorySession({
        client: new DirectoryClient(settings.directoryUrl),
        username: settings.username,
        password,
        tokens,
      });
      return session;
    },
  };
}

/** One line on stderr: a problem that does not stop the command. */
function warnOnStderr(message: string): void {
  process.stderr.write(`ferry-peer: warning: ${message}\n`);
}

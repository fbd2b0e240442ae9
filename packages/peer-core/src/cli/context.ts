import { Option, type Command } from 'commander';
import { openProfileStore } from '../config/profile-store.js';
import { resolveSettings, type SettingFlags } from '../config/settings.js';
import { TokenStore } from '../config/token-store.js';
import { DirectoryClient } from '../directory-client/directory-client.js';
import type { Profile } from '../peer/peer-client.js';
import { DirectorySession } from '../peer/directory-session.js';
import { readPassword } from './password.js';

/** Flags every command takes. */
export interface CommonFlags extends SettingFlags {
  passwordFile?: string;
}

/** What a command needs: its resolved settings and a directory session. */
export interface CliContext {
  settings: Profile;
  session: DirectorySession;
  tokens: TokenStore;
  /** Reads the password (env, file, prompt) when a login needs it. */
  password: () => Promise<string>;
}

/** Adds `--directory`, `--user`, `--profile` and `--password-file`. */
export function withCommonOptions(command: Command): Command {
  return command
    .addOption(
      new Option('--directory <url>', 'directory URL').env('FERRY_DIRECTORY'),
    )
    .addOption(new Option('--user <name>', 'username').env('FERRY_USER'))
    .option('--profile <name>', 'saved profile to start from')
    .option(
      '--password-file <file>',
      'read the password from the first line of FILE',
    );
}

/** Resolves settings (flags, env, profile, defaults) and opens a session. */
export function createContext(
  flags: CommonFlags,
  env: NodeJS.ProcessEnv = process.env,
): CliContext {
  const settings = resolveSettings(flags, openProfileStore({ env }), env);
  const tokens = new TokenStore({ env });
  const password = () =>
    readPassword({ passwordFile: flags.passwordFile, env });
  const session = new DirectorySession({
    client: new DirectoryClient(settings.directoryUrl),
    username: settings.username,
    password,
    tokens,
  });
  return { settings, session, tokens, password };
}

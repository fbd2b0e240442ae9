import { Command } from 'commander';
import { PeerError } from '../../errors.js';
import { withCommonOptions, type CommonFlags } from '../common-options.js';

/** `ferry-peer logout`: ends the saved session and forgets its token. */
export function logoutCommand(): Command {
  return withCommonOptions(
    new Command('logout').description(
      'end the saved session at the directory and forget its token',
    ),
  ).action(async (flags: CommonFlags) => {
    const { createContext } = await import('../context.js');
    const context = createContext(flags);
    const { username, directoryUrl } = context.settings;
    const removed = context.tokens.removeDamaged({ username, directoryUrl });
    const had = context.session.hasToken;
    try {
      await context.session.logout();
    } catch (error) {
      throw notToldError(error, username);
    }
    process.stdout.write(
      `${logoutLine(username, had, removed, context.tokens.file)}\n`,
    );
  });
}

/** The one line `logout` prints about what it did. */
function logoutLine(
  username: string,
  had: boolean,
  removed: 'entry' | 'file' | undefined,
  file: string,
): string {
  if (had) return `logged out ${username}`;
  const none = `no saved session for ${username}`;
  if (removed === 'entry') {
    return `${none}; removed its damaged entry from ${file}`;
  }
  if (removed === 'file') {
    return `${none}; emptied the damaged ${file} (not a JSON object)`;
  }
  return none;
}

/**
 * The session is forgotten here before the directory is told, so a failed
 * call still logged the user out of this machine: the error says so.
 */
function notToldError(error: unknown, username: string): unknown {
  if (!(error instanceof PeerError)) return error;
  return new PeerError(
    error.code,
    `logged out ${username} here, but could not end the session at the ` +
      `directory (${error.message}); it ends there when it expires`,
    { cause: error },
  );
}

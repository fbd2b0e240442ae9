import { Command } from 'commander';
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
    await context.session.logout();
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

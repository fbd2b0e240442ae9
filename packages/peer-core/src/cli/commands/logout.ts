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
    const had = context.session.hasToken;
    await context.session.logout();
    if (had) {
      process.stdout.write(`logged out ${username}\n`);
    } else if (context.tokens.removeDamaged({ username, directoryUrl })) {
      process.stdout.write(
        `no saved session for ${username}; removed its damaged entry from ` +
          `${context.tokens.file}\n`,
      );
    } else {
      process.stdout.write(`no saved session for ${username}\n`);
    }
  });
}

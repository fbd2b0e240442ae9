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
    const had = context.session.hasToken;
    await context.session.logout();
    process.stdout.write(
      had
        ? `logged out ${context.settings.username}\n`
        : `no saved session for ${context.settings.username}\n`,
    );
  });
}

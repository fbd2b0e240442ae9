import { Command } from 'commander';
import {
  createContext,
  withCommonOptions,
  type CommonFlags,
} from '../context.js';

/** `ferry-peer logout`: ends the saved session and forgets its token. */
export function logoutCommand(): Command {
  return withCommonOptions(
    new Command('logout').description(
      'end the saved session at the directory and forget its token',
    ),
  ).action(async (flags: CommonFlags) => {
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

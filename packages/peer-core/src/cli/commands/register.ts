import { Command } from 'commander';
import { withCommonOptions, type CommonFlags } from '../common-options.js';

/** `ferry-peer register`: creates the account. */
export function registerCommand(): Command {
  return withCommonOptions(
    new Command('register').description('create an account on the directory'),
  ).action(async (flags: CommonFlags) => {
    const { createContext } = await import('../context.js');
    const context = createContext(flags);
    const password = await context.password();
    const user = await context.session.client.register(
      context.settings.username,
      password,
    );
    process.stdout.write(
      `registered ${user.username} at ${context.settings.directoryUrl}\n`,
    );
  });
}

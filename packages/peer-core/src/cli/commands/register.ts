import { Command } from 'commander';
import {
  createContext,
  withCommonOptions,
  type CommonFlags,
} from '../context.js';

/** `ferry-peer register`: creates the account. */
export function registerCommand(): Command {
  return withCommonOptions(
    new Command('register').description('create an account on the directory'),
  ).action(async (flags: CommonFlags) => {
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

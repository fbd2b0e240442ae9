import type { Command } from 'commander';
import { CommanderError } from 'commander';

/** Exit code for a command line that could not be parsed. */
export const EXIT_USAGE = 2;

export { packageVersion } from '../package-version.js';
export { DEFAULT_DIRECTORY_URL, DEFAULT_LISTEN } from '../config/settings.js';

/**
 * Runs a commander program with Ferry's exit-code convention: `--help` and
 * `--version` exit 0, a usage error prints the usage to stderr and exits 2,
 * and so does a program with subcommands run without one.
 * Returns the exit code instead of calling `process.exit`, so callers finish
 * their own clean-up.
 */
export async function runProgram(
  program: Command,
  argv: readonly string[],
): Promise<number> {
  applyConvention(program);
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (
      error.code === 'commander.helpDisplayed' ||
      error.code === 'commander.version'
    ) {
      return 0;
    }
    if (error.code === 'commander.help' && error.exitCode === 0) return 0;
    return EXIT_USAGE;
  }
}

/** Usage errors throw (no `process.exit`) in every command and subcommand. */
function applyConvention(command: Command): void {
  command.exitOverride().showHelpAfterError();
  for (const sub of command.commands) applyConvention(sub);
}

import { Command } from 'commander';
import { browseCommand } from './commands/browse.js';
import { getCommand } from './commands/get.js';
import { logoutCommand } from './commands/logout.js';
import { peersCommand } from './commands/peers.js';
import { registerCommand } from './commands/register.js';
import { searchCommand } from './commands/search.js';
import { serveCommand } from './commands/serve.js';
import { unsetEmptySettingVariables } from './empty-variables.js';
import { StdoutGuard } from './output.js';
import { packageVersion, runProgram } from './program.js';
import { reportError } from './report-error.js';

/** Builds the `ferry-peer` command line. */
export function buildProgram(): Command {
  return new Command('ferry-peer')
    .description('Headless Ferry peer: share, search and download files.')
    .version(
      packageVersion(new URL('../../package.json', import.meta.url)),
      '-V, --version',
    )
    .addCommand(registerCommand())
    .addCommand(serveCommand())
    .addCommand(searchCommand())
    .addCommand(getCommand())
    .addCommand(browseCommand())
    .addCommand(peersCommand())
    .addCommand(logoutCommand());
}

/**
 * Entry point of the `ferry-peer` program. Empty `FERRY_USER` and
 * `FERRY_DIRECTORY` count as unset. Sets the exit code; every
 * command closes what it opened, so the process then ends by itself.
 * Once standard output is closed (`| head -1`), the command's own error
 * (such as an interrupted `get`) is not reported: it ends quietly.
 */
export async function main(argv: readonly string[]): Promise<void> {
  const stdout = new StdoutGuard();
  unsetEmptySettingVariables(process.env);
  let code: number;
  try {
    code = await runProgram(buildProgram(), argv);
  } catch (error) {
    code = stdout.failed ? 0 : reportError(error);
  }
  process.exitCode = stdout.exitCode(code);
}

import { Command } from 'commander';
import { packageVersion, runProgram } from './program.js';

/** Builds the `ferry-directory` command line. */
export function buildProgram(): Command {
  return new Command('ferry-directory')
    .description('Run the Ferry directory: accounts, online peers, search.')
    .version(
      packageVersion(new URL('../../package.json', import.meta.url)),
      '-V, --version',
    )
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'TCP port to listen on', '7070')
    .option('--db <file>', 'SQLite database file (env FERRY_DIRECTORY_DB)')
    .action(() => {
      process.stderr.write('ferry-directory: the server is not built yet\n');
      process.exitCode = 1;
    });
}

/** Entry point of the `ferry-directory` program. */
export async function main(argv: readonly string[]): Promise<void> {
  const code = await runProgram(buildProgram(), argv);
  if (code !== 0) process.exitCode = code;
}

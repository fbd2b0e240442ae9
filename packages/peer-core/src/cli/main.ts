import { Command } from 'commander';
import { packageVersion, runProgram } from './program.js';

/** Builds the `ferry-peer` command line. */
export function buildProgram(): Command {
  return new Command('ferry-peer')
    .description('Headless Ferry peer: share, search and download files.')
    .version(
      packageVersion(new URL('../../package.json', import.meta.url)),
      '-V, --version',
    );
}

/** Entry point of the `ferry-peer` program. */
export async function main(argv: readonly string[]): Promise<void> {
  const code = await runProgram(buildProgram(), argv);
  if (code !== 0) process.exitCode = code;
}

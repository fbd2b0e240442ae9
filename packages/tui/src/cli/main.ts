import { Command } from 'commander';
import { packageVersion, runProgram } from '@ferry/peer-core/program';

/** Builds the `ferry` command line. */
export function buildProgram(): Command {
  return new Command('ferry')
    .description('Ferry: full-screen terminal client for peer-to-peer sharing.')
    .version(
      packageVersion(new URL('../../package.json', import.meta.url)),
      '-V, --version',
    );
}

/** Entry point of the `ferry` program. */
export async function main(argv: readonly string[]): Promise<void> {
  const code = await runProgram(buildProgram(), argv);
  if (code !== 0) process.exitCode = code;
}

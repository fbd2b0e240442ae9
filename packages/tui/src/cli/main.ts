import { Command } from 'commander';
import { prepareRenderEnv } from '../app/render-env.js';
import {
  DEFAULT_DIRECTORY_URL,
  DEFAULT_LISTEN,
  packageVersion,
  runProgram,
} from '@ferry/peer-core/program';
import type { FerryFlags } from '../app/ferry-flags.js';

/** Builds the `ferry` command line. React and Ink load only to run the UI. */
export function buildProgram(): Command {
  return new Command('ferry')
    .description('Ferry: full-screen terminal client for peer-to-peer sharing.')
    .version(
      packageVersion(new URL('../../package.json', import.meta.url)),
      '-V, --version',
    )
    .option(
      '--directory <url>',
      `directory URL (or FERRY_DIRECTORY; default: ${DEFAULT_DIRECTORY_URL})`,
    )
    .option('--user <name>', 'username (or FERRY_USER)')
    .option('--profile <name>', 'saved profile to log in with')
    .option('--share <dir>', 'folder to share')
    .option('--downloads <dir>', 'folder downloads are written to')
    .option(
      '--listen <host:port>',
      `gRPC address to serve on (default: ${DEFAULT_LISTEN}, any port)`,
    )
    .option('--home <dir>', 'folder for all config and state (or FERRY_HOME)')
    .addHelpText(
      'after',
      '\nWith --user (or FERRY_USER, or --profile) and FERRY_PASSWORD set, ' +
        'ferry logs straight in;\notherwise it opens on the login screen.',
    )
    .action(async (flags: FerryFlags) => {
      prepareRenderEnv(process.env, process.stdout.isTTY === true);
      const { startFerry } = await import('../app/start-ferry.js');
      process.exitCode = await startFerry(flags);
    });
}

/** Entry point of the `ferry` program. */
export async function main(argv: readonly string[]): Promise<void> {
  const code = await runProgram(buildProgram(), argv);
  if (code !== 0) process.exitCode = code;
}

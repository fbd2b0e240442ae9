import { Command } from 'commander';
import { withCommonOptions, type CommonFlags } from '../common-options.js';
import { sha256Argument } from '../parse-flags.js';

/** Flags of `ferry-peer get`. */
export interface GetFlags extends CommonFlags {
  out?: string;
  name?: string;
  json?: boolean;
}

/** `ferry-peer get SHA256`: downloads one file and verifies it. */
export function getCommand(): Command {
  return withCommonOptions(
    new Command('get')
      .description('download one file by its SHA-256 and verify it')
      .argument('<sha256>', 'the SHA-256 of the file', sha256Argument),
  )
    .option('--out <dir>', 'folder to write to (default: the download folder)')
    .option('--name <name>', 'file name (default: the name its source gives)')
    .option('--json', 'print progress and the result as JSON lines')
    .action(async (sha256: string, flags: GetFlags) => {
      const { runGet } = await import('./get-run.js');
      await runGet(sha256, flags);
    });
}

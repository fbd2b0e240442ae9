import { Command } from 'commander';
import { withCommonOptions, type CommonFlags } from '../common-options.js';
import { listenArgument, positiveInteger } from '../parse-flags.js';

/** Flags of `ferry-peer serve`. */
export interface ServeFlags extends CommonFlags {
  maxDownloads?: number;
  uploadSlots?: number;
  uploadRate?: number;
  heartbeat?: number;
}

/** `ferry-peer serve`: runs the peer until SIGINT or SIGTERM. */
export function serveCommand(): Command {
  return withCommonOptions(
    new Command('serve').description(
      'share a folder and stay online until SIGINT/SIGTERM',
    ),
  )
    .option('--share <dir>', 'folder to share')
    .option('--downloads <dir>', 'folder downloads go to')
    .option(
      '--listen <host:port>',
      'gRPC listen address (port 0: any free)',
      listenArgument,
    )
    .option('--max-downloads <n>', 'downloads at once', positiveInteger(64))
    .option('--upload-slots <n>', 'uploads at once', positiveInteger(256))
    .option(
      '--upload-rate <bytes>',
      'cap on the total upload rate, bytes per second',
      positiveInteger(Number.MAX_SAFE_INTEGER),
    )
    .option(
      '--heartbeat <ms>',
      'heartbeat interval (default: a third of the directory TTL)',
      positiveInteger(3_600_000),
    )
    .action(async (flags: ServeFlags) => {
      const { runServe } = await import('./serve-run.js');
      await runServe(flags);
    });
}

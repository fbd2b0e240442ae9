import { Command, Option } from 'commander';
import { DEFAULT_LISTEN } from '../../config/settings.js';
import { DEFAULT_MAX_ACTIVE_DOWNLOADS } from '../../peer/transfer-queue.js';
import { DEFAULT_UPLOAD_STALL_MS } from '../../server/peer-server.js';
import { DEFAULT_UPLOAD_SLOTS } from '../../server/upload-tracker.js';
import { withCommonOptions, type CommonFlags } from '../common-options.js';
import { listenArgument, positiveInteger } from '../parse-flags.js';

/** Flags of `ferry-peer serve`. */
export interface ServeFlags extends CommonFlags {
  maxDownloads?: number;
  uploadSlots?: number;
  uploadRate?: number;
  /** Seconds. */
  uploadStall: number;
  heartbeat?: number;
}

/** `ferry-peer serve`: runs the peer until SIGINT or SIGTERM. */
export function serveCommand(): Command {
  return withCommonOptions(
    new Command('serve').description(
      'share a folder and stay online until SIGINT/SIGTERM',
    ),
  )
    .option(
      '--share <dir>',
      'folder to share (default: $FERRY_HOME/share, or ~/Ferry/share without it)',
    )
    .option(
      '--downloads <dir>',
      'folder downloads go to (default: $FERRY_HOME/downloads, or ~/Ferry/downloads)',
    )
    .option(
      '--listen <host:port>',
      `gRPC listen address (default: ${DEFAULT_LISTEN}; port 0: any free)`,
      listenArgument,
    )
    .addOption(
      new Option('--max-downloads <n>', 'downloads at once')
        .argParser(positiveInteger(64))
        .default(DEFAULT_MAX_ACTIVE_DOWNLOADS),
    )
    .addOption(
      new Option('--upload-slots <n>', 'uploads at once')
        .argParser(positiveInteger(256))
        .default(DEFAULT_UPLOAD_SLOTS),
    )
    .option(
      '--upload-rate <bytes>',
      'cap on the total upload rate, bytes per second',
      positiveInteger(Number.MAX_SAFE_INTEGER),
    )
    .addOption(
      new Option(
        '--upload-stall <seconds>',
        'reset an upload whose downloader takes no data this long',
      )
        .argParser(positiveInteger(3_600))
        .default(DEFAULT_UPLOAD_STALL_MS / 1_000),
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

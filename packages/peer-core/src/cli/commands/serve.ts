import { Command } from 'commander';
import { createLogger } from '../../config/logger.js';
import { openProfileStore } from '../../config/profile-store.js';
import { resolveSettings } from '../../config/settings.js';
import { connectPeer } from '../../peer/connect-peer.js';
import { withCommonOptions, type CommonFlags } from '../context.js';
import { readPassword } from '../password.js';
import { positiveInteger } from '../parse-flags.js';

interface ServeFlags extends CommonFlags {
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
    .option('--listen <host:port>', 'gRPC listen address (port 0: any free)')
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
      const profile = resolveSettings(flags, openProfileStore());
      const password = await readPassword({ passwordFile: flags.passwordFile });
      const logger = createLogger();
      const peer = await connectPeer(
        { profile, password },
        {
          logger,
          maxActiveDownloads: flags.maxDownloads,
          uploadSlots: flags.uploadSlots,
          uploadRateBps: flags.uploadRate,
          heartbeatMs: flags.heartbeat,
        },
      );
      await waitForSignal();
      logger.info('stopping');
      await peer.stop();
    });
}

/** Resolves on the first SIGINT or SIGTERM. */
function waitForSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

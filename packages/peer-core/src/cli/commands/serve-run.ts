import { createLogger } from '../../config/logger.js';
import { openProfileStore } from '../../config/profile-store.js';
import { resolveSettings } from '../../config/settings.js';
import { connectPeer } from '../../peer/connect-peer.js';
import { readPassword } from '../password.js';
import type { ServeFlags } from './serve.js';

/** Runs the peer until SIGINT or SIGTERM, then stops it cleanly. */
export async function runServe(flags: ServeFlags): Promise<void> {
  const profile = resolveSettings(flags, openProfileStore());
  const password = await readPassword({ passwordFile: flags.passwordFile });
  const logger = createLogger();
  const signal = waitForSignal();
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
  await signal;
  logger.info('stopping');
  await peer.stop();
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

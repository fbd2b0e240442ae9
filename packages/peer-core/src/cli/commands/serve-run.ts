import { createLogger } from '../../config/logger.js';
import { openProfileStore } from '../../config/profile-store.js';
import { resolveSettings } from '../../config/settings.js';
import { connectPeer } from '../../peer/connect-peer.js';
import { routeGrpcLog } from '../../grpc/grpc-log.js';
import { readPassword } from '../password.js';
import { QuietExit } from '../report-error.js';
import { connectWhenReachable } from './serve-connect.js';
import type { ServeFlags } from './serve.js';

/**
 * Exit code of a `serve` stopped because its account went online
 * elsewhere: a supervisor can tell it from a failure and not restart it
 * (which would take the presence back from the other place).
 */
export const EXIT_REPLACED = 3;

/**
 * Runs the peer until SIGINT or SIGTERM, then stops it cleanly. While the
 * directory cannot be reached it waits for it (the signal ends the wait).
 * When the account goes online elsewhere it stops too, and exits with
 * {@link EXIT_REPLACED}.
 */
export async function runServe(flags: ServeFlags): Promise<void> {
  const profile = resolveSettings(flags, openProfileStore());
  const password = await readPassword({ passwordFile: flags.passwordFile });
  const logger = createLogger();
  routeGrpcLog(logger);
  const stop = stopOnSignal();
  const peer = await connectWhenReachable({
    connect: () =>
      connectPeer(
        { profile, password },
        {
          logger,
          maxActiveDownloads: flags.maxDownloads,
          uploadSlots: flags.uploadSlots,
          uploadRateBps: flags.uploadRate,
          uploadStallMs: flags.uploadStall * 1_000,
          heartbeatMs: flags.heartbeat,
          signal: stop.signal,
        },
      ),
    directoryUrl: profile.directoryUrl,
    logger,
    signal: stop.signal,
  });
  if (peer === undefined) {
    logger.info('stopped while waiting for the directory');
    return;
  }
  const replaced = await Promise.race([
    stop.stopped.then(() => false),
    peer.replaced.then(() => true),
  ]);
  if (replaced) logger.error('this account went online elsewhere; stopping');
  else logger.info('stopping');
  await peer.stop();
  if (replaced) throw new QuietExit(EXIT_REPLACED);
}

/**
 * Aborts on the first SIGINT or SIGTERM. The handlers stay for the life of
 * the process: a dependency (`when-exit`, under `conf`) raises the signal
 * again after its own clean-up, and without a handler that second signal
 * would kill the process in the middle of (or right after) a clean stop.
 */
function stopOnSignal() {
  const controller = new AbortController();
  const stopped = new Promise<void>((resolve) => {
    controller.signal.addEventListener('abort', () => resolve(), {
      once: true,
    });
  });
  const onSignal = () => controller.abort();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return { signal: controller.signal, stopped };
}

import { createLogger } from '../../config/logger.js';
import { PeerError, PeerErrorCode } from '../../errors.js';
import { findSources } from '../../peer/engine-download.js';
import type { DirectorySession } from '../../peer/directory-session.js';
import { safeText } from '../../safe-text.js';
import { download, type Transfer } from '../../transfer/transfer.js';
import { TransferEvent } from '../../transfer/transfer-types.js';
import { createContext } from '../context.js';
import { routeGrpcLog } from '../../grpc/grpc-log.js';
import { printJson, printLine } from '../output.js';
import { createProgressOutput } from '../progress-output.js';
import { getFailure } from './get-failure.js';
import type { GetFlags } from './get.js';

/**
 * Downloads `sha256` from its online sources and prints where it went;
 * fails at once when no other online peer shares it.
 */
export async function runGet(sha256: string, flags: GetFlags): Promise<void> {
  const { session, settings } = createContext(flags);
  routeGrpcLog(createLogger());
  const found = await findSources(session, sha256);
  if (found.sources.length === 0) {
    throw new PeerError(
      PeerErrorCode.NoSources,
      `no online peer shares the file with SHA-256 ${sha256}`,
    );
  }
  const name =
    flags.name ?? (await nameFromSource(session, sha256, found.sources));
  const transfer = download({
    sha256,
    sources: found.sources,
    dir: flags.out ?? settings.downloadDir,
    name,
    piecesRoot: found.piecesRoot,
    refreshSources: async () => (await findSources(session, sha256)).sources,
  });
  const path = await follow(transfer, flags.json === true);
  const { bytesFetched, size } = transfer.progress();
  if (flags.json)
    printJson({ event: 'done', sha256, path, size, bytesFetched });
  else printLine(safeText(path));
}

/**
 * Shows progress until the transfer ends. SIGINT or SIGTERM stop it, keeping
 * its verified pieces, so the same command resumes it later; so does a
 * standard output that can no longer be written (`--json | head -1`).
 */
async function follow(transfer: Transfer, json: boolean): Promise<string> {
  const output = createProgressOutput(json);
  transfer.on(TransferEvent.Progress, (p) => output.update(p));
  let interrupted = false;
  const onSignal = () => {
    interrupted = true;
    void transfer.stop();
  };
  // Never removed: `when-exit` (under `conf`) raises the signal again after
  // its clean-up, and with no handler left that would kill the process.
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
  process.stdout.once('error', onSignal);
  try {
    return await transfer.done;
  } catch (error) {
    throw getFailure(error, interrupted);
  } finally {
    output.stop();
    process.stdout.off('error', onSignal);
  }
}

async function nameFromSource(
  session: DirectorySession,
  sha256: string,
  sources: { label?: string }[],
): Promise<string> {
  const owner = sources[0]?.label;
  if (owner === undefined) return sha256;
  const files = await session.call((token) =>
    session.client.listFiles(token, owner),
  );
  return files.find((file) => file.sha256 === sha256)?.name ?? sha256;
}

import { Command } from 'commander';
import { PeerError, PeerErrorCode } from '../../errors.js';
import { findSources } from '../../peer/engine-download.js';
import type { DirectorySession } from '../../peer/directory-session.js';
import { download, type Transfer } from '../../transfer/transfer.js';
import { TransferEvent } from '../../transfer/transfer-types.js';
import {
  createContext,
  withCommonOptions,
  type CommonFlags,
} from '../context.js';
import { printJson, printLine } from '../output.js';
import { sha256Argument } from '../parse-flags.js';
import { createProgressOutput } from '../progress-output.js';

interface GetFlags extends CommonFlags {
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
      const { session, settings } = createContext(flags);
      const found = await findSources(session, sha256);
      const name =
        flags.name ?? (await nameFromSource(session, sha256, found.sources));
      const transfer = download({
        sha256,
        sources: found.sources,
        dir: flags.out ?? settings.downloadDir,
        name,
        piecesRoot: found.piecesRoot,
        refreshSources: async () =>
          (await findSources(session, sha256)).sources,
      });
      const path = await follow(transfer, flags.json === true);
      const { bytesFetched, size } = transfer.progress();
      if (flags.json)
        printJson({ event: 'done', sha256, path, size, bytesFetched });
      else printLine(path);
    });
}

/** How long an interrupted download gets to record its verified pieces. */
const PAUSE_GRACE_MS = 1000;

/** Shows progress until the transfer ends; SIGINT/SIGTERM pause it. */
async function follow(transfer: Transfer, json: boolean): Promise<string> {
  const output = createProgressOutput(json);
  transfer.on(TransferEvent.Progress, (p) => output.update(p));
  let onSignal: (() => void) | undefined;
  const interrupted = new Promise<never>((_resolve, reject) => {
    onSignal = () => {
      transfer.pause();
      setTimeout(() => reject(interruptedError()), PAUSE_GRACE_MS);
    };
    process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  });
  try {
    return await Promise.race([transfer.done, interrupted]);
  } finally {
    output.stop();
    if (onSignal) process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  }
}

function interruptedError(): PeerError {
  return new PeerError(
    PeerErrorCode.Cancelled,
    'interrupted; run the same command again to resume',
  );
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

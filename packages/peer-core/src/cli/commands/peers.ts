import { Command } from 'commander';
import { safeText } from '../../safe-text.js';
import { withCommonOptions, type CommonFlags } from '../common-options.js';
import { formatBytes, formatTable } from '../format.js';
import { printJson, printLine } from '../output.js';

interface PeersFlags extends CommonFlags {
  json?: boolean;
}

/** `ferry-peer peers`: who is online. */
export function peersCommand(): Command {
  return withCommonOptions(
    new Command('peers').description('list the peers online now'),
  )
    .option('--json', 'print one JSON document')
    .action(async (flags: PeersFlags) => {
      const { createContext } = await import('../context.js');
      const { session } = createContext(flags);
      const peers = await session.call((token) =>
        session.client.listPeers(token),
      );
      if (flags.json) {
        printJson({ peers });
        return;
      }
      const rows = peers.map((p) => [
        safeText(p.username),
        safeText(`${p.host}:${p.port}`),
        String(p.fileCount),
        formatBytes(p.totalBytes),
      ]);
      printLine(
        formatTable(
          ['USER', 'ADDRESS', 'FILES', 'SIZE'],
          rows,
          new Set([2, 3]),
        ),
      );
    });
}

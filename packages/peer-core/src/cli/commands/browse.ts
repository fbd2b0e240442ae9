import { Command } from 'commander';
import { safeText } from '../../safe-text.js';
import { withCommonOptions, type CommonFlags } from '../common-options.js';
import { formatBytes, formatTable } from '../format.js';
import { printJson, printLine } from '../output.js';

interface BrowseFlags extends CommonFlags {
  json?: boolean;
}

/** `ferry-peer browse USER`: the files one peer shares. */
export function browseCommand(): Command {
  return withCommonOptions(
    new Command('browse')
      .description('list the files a peer shares')
      .argument('<user>', 'the peer to browse'),
  )
    .option('--json', 'print one JSON document')
    .action(async (user: string, flags: BrowseFlags) => {
      const { createContext } = await import('../context.js');
      const { session } = createContext(flags);
      const files = await session.call((token) =>
        session.client.listFiles(token, user),
      );
      if (flags.json) {
        printJson({ username: user, files });
        return;
      }
      // Paths come from the peer: no escape or newline reaches the terminal
      const rows = files.map((f) => [
        safeText(f.path),
        formatBytes(f.size),
        safeText(f.sha256),
      ]);
      printLine(formatTable(['PATH', 'SIZE', 'SHA256'], rows, new Set([1])));
    });
}

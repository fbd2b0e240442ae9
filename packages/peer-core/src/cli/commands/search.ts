import { Command } from 'commander';
import { PAGE_LIMITS } from '../../directory-client/routes.js';
import { safeText } from '../../safe-text.js';
import { withCommonOptions, type CommonFlags } from '../common-options.js';
import { formatBytes, formatTable } from '../format.js';
import { printJson, printLine } from '../output.js';
import { positiveInteger, searchQuery } from '../parse-flags.js';
import type { SearchResult } from '../../peer/peer-client.js';

/** Printed when the directory passed over names of a large tie. */
const TRUNCATED_NOTE =
  'more names of one length match than a search reads, so some were left out: add words to narrow it';
/** Printed when more results lie past `--limit`. */
const MORE_NOTE = (limit: number) =>
  `more files match than these ${limit}: --limit shows up to ${PAGE_LIMITS.search}, more words narrow the search`;

type SearchRow = Pick<SearchResult, 'sha256' | 'name' | 'size' | 'sources'>;

interface SearchFlags extends CommonFlags {
  limit: number;
  json?: boolean;
}

/** `ferry-peer search QUERY`: files on online peers whose names match. */
export function searchCommand(): Command {
  return withCommonOptions(
    new Command('search')
      .description('search the files of online peers by name')
      .argument('<query>', 'words that names must contain', searchQuery),
  )
    .option(
      '--limit <n>',
      `at most N results (1-${PAGE_LIMITS.search})`,
      positiveInteger(PAGE_LIMITS.search),
      20,
    )
    .option('--json', 'print one JSON document')
    .action(async (query: string, flags: SearchFlags) => {
      const { createContext } = await import('../context.js');
      const { session } = createContext(flags);
      const response = await session.call((token) =>
        session.client.search(token, { q: query, limit: flags.limit }),
      );
      const results = response.results.map(
        ({ sha256, name, size, sources }) => ({ sha256, name, size, sources }),
      );
      const { truncated } = response;
      const more = response.nextCursor !== null;
      if (flags.json) {
        printJson({ results, more, truncated });
        return;
      }
      if (results.length === 0) {
        printLine(`no files match "${query}"`);
      } else {
        printLine(table(results));
      }
      if (more) printLine(MORE_NOTE(flags.limit));
      if (truncated) printLine(TRUNCATED_NOTE);
    });
}

function table(results: SearchRow[]): string {
  // Names come from other peers: no escape or newline reaches the terminal
  const rows = results.map((r) => [
    safeText(r.name),
    formatBytes(r.size),
    String(r.sources),
    safeText(r.sha256),
  ]);
  return formatTable(
    ['NAME', 'SIZE', 'SOURCES', 'SHA256'],
    rows,
    new Set([1, 2]),
  );
}

import type {
  SearchOptions,
  SearchPage,
  SearchResult,
  SharedFileEntry,
} from '../peer/peer-client.js';

interface HasFiles {
  files: readonly SharedFileEntry[];
}

/**
 * Searches peers' files the way the directory does: every word of `query`
 * must appear in the name (case-insensitive); one result per content hash,
 * counting the peers that hold it; size and extension filters; `limit`,
 * past which `more` is set.
 */
export function searchFiles(
  peers: readonly HasFiles[],
  query: string,
  options: SearchOptions = {},
): SearchPage {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const byHash = new Map<string, SearchResult>();
  for (const peer of peers) {
    const seen = new Set<string>();
    for (const file of peer.files) {
      if (!matches(file, words, options) || seen.has(file.sha256)) continue;
      seen.add(file.sha256);
      const found = byHash.get(file.sha256);
      if (found) {
        found.sources += 1;
        if (!found.names.includes(file.name)) found.names.push(file.name);
      } else {
        byHash.set(file.sha256, {
          sha256: file.sha256,
          name: file.name,
          names: [file.name],
          size: file.size,
          sources: 1,
        });
      }
    }
  }
  const found = [...byHash.values()];
  const limit = options.limit ?? Infinity;
  return { results: found.slice(0, limit), more: found.length > limit };
}

function matches(
  file: SharedFileEntry,
  words: readonly string[],
  options: SearchOptions,
): boolean {
  const name = file.name.toLowerCase();
  if (!words.every((word) => name.includes(word))) return false;
  if (options.minSize !== undefined && file.size < options.minSize)
    return false;
  if (options.maxSize !== undefined && file.size > options.maxSize)
    return false;
  return options.ext === undefined || name.endsWith(`.${options.ext}`);
}

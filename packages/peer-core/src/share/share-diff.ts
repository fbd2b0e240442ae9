import type { CachedFile } from './hash-cache.js';
import type { ShareDelta } from './share-types.js';
import { toEntry } from './share-types.js';

/** What changed between two indexes keyed by relative path. */
export function diffIndexes(
  before: ReadonlyMap<string, CachedFile>,
  after: ReadonlyMap<string, CachedFile>,
): ShareDelta {
  const delta: ShareDelta = { added: [], changed: [], removed: [] };
  for (const [path, file] of after) {
    const old = before.get(path);
    if (old === undefined) delta.added.push(toEntry(file));
    else if (
      old.sha256 !== file.sha256 ||
      old.size !== file.size ||
      old.mtimeMs !== file.mtimeMs
    ) {
      delta.changed.push(toEntry(file));
    }
  }
  for (const [path, file] of before) {
    if (!after.has(path)) delta.removed.push(toEntry(file));
  }
  return delta;
}

/** True when a delta holds no change. */
export function isEmptyDelta(delta: ShareDelta): boolean {
  return delta.added.length + delta.changed.length + delta.removed.length === 0;
}

import { countNoun } from '../format/count-noun.js';
import { formatCount } from '../format/format-size.js';
import type { FilesView } from '../state/ui-state.js';

/** Where the Files pane's listing stands. */
export interface FilesListing {
  /** Rows listed. */
  count: number;
  /** Its load is under way: there is no count yet. */
  loading?: boolean;
  /** Its load failed. */
  failed?: boolean;
  /** More files match than are listed. */
  more?: boolean;
}

/**
 * The Files pane's title for what it lists: the count ("200+ results" when
 * more match), "searching…" or "loading…" until it arrives, or "failed".
 */
export function filesTitle(
  view: FilesView,
  { count, loading = false, failed = false, more = false }: FilesListing,
): string {
  const counted = (noun: string, waiting: string) => {
    if (loading) return waiting;
    if (failed) return 'failed';
    return more ? `${formatCount(count)}+ ${noun}s` : countNoun(count, noun);
  };
  switch (view.kind) {
    case 'empty':
      return '2 Files';
    case 'search':
      return `2 Files · search: ${view.query} · ${counted('result', 'searching…')}`;
    case 'peer':
      return `2 Files · ${view.username}'s share · ${counted('file', 'loading…')}`;
    case 'own':
      return `2 Files · your share · ${counted('file', 'loading…')}`;
    default: {
      const exhaustive: never = view;
      return exhaustive;
    }
  }
}

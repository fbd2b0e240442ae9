import { countNoun } from '../format/count-noun.js';
import { formatCount } from '../format/format-size.js';
import type { FilesView } from '../state/ui-state.js';

/**
 * The Files pane's title for what it lists, or that loading it failed;
 * `more` (more files match than are listed) shows as "200+ results".
 */
export function filesTitle(
  view: FilesView,
  count: number,
  failed = false,
  more = false,
): string {
  const counted = (noun: string) => {
    if (failed) return 'failed';
    return more ? `${formatCount(count)}+ ${noun}s` : countNoun(count, noun);
  };
  switch (view.kind) {
    case 'empty':
      return '2 Files';
    case 'search':
      return `2 Files · search: ${view.query} · ${counted('result')}`;
    case 'peer':
      return `2 Files · ${view.username}'s share · ${counted('file')}`;
    case 'own':
      return `2 Files · your share · ${counted('file')}`;
    default: {
      const exhaustive: never = view;
      return exhaustive;
    }
  }
}

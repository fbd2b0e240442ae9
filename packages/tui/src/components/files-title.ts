import { countNoun } from '../format/count-noun.js';
import type { FilesView } from '../state/ui-state.js';

/** The Files pane's title for what it lists. */
export function filesTitle(view: FilesView, count: number): string {
  switch (view.kind) {
    case 'empty':
      return '2 Files';
    case 'search':
      return `2 Files · search: ${view.query} · ${countNoun(count, 'result')}`;
    case 'peer':
      return `2 Files · ${view.username}'s share · ${countNoun(count, 'file')}`;
    case 'own':
      return `2 Files · your share · ${countNoun(count, 'file')}`;
    default: {
      const exhaustive: never = view;
      return exhaustive;
    }
  }
}

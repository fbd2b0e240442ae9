import type { FilesView } from '../state/ui-state.js';

/** What the Files pane says when it lists nothing. */
export function filesEmptyHint(view: FilesView): string {
  switch (view.kind) {
    case 'empty':
      return 'Press / to search, Enter on a peer to browse, o for yours.';
    case 'search':
      return `No file on an online peer matches "${view.query}". / searches again.`;
    case 'peer':
      return `${view.username} shares no files.`;
    case 'own':
      return 'Your share has no files yet.';
    default: {
      const exhaustive: never = view;
      return exhaustive;
    }
  }
}

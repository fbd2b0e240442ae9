import type { FilesView } from '../state/ui-state.js';

/**
 * What the Files pane says when it lists nothing. While the search box is
 * open it says what to type there, not which key opens it.
 */
export function filesEmptyHint(view: FilesView, searchOpen: boolean): string {
  switch (view.kind) {
    case 'empty':
      return searchOpen
        ? 'Type words of a file name; ⏎ searches, Esc closes.'
        : 'Press / to search, Enter on a peer to browse, o for yours.';
    case 'search': {
      const none = `No file on an online peer matches "${view.query}".`;
      return searchOpen ? none : `${none} / searches again.`;
    }
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

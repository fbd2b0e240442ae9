import type { FilesView } from '../state/ui-state.js';

/**
 * What the Files pane says when loading what it lists failed (the title
 * already says what was being loaded); a failed search tells to search
 * again unless the search box is already open.
 */
export function filesFailedText(
  view: FilesView,
  error: string,
  searchOpen: boolean,
): string {
  const failed = `Failed: ${error}.`;
  return view.kind === 'search' && !searchOpen
    ? `${failed} / searches again.`
    : failed;
}

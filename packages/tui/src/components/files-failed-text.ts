import type { FilesView } from '../state/ui-state.js';

/**
 * What the Files pane says when loading what it lists failed (the title
 * already says what was being loaded).
 */
export function filesFailedText(view: FilesView, error: string): string {
  const failed = `Failed: ${error}.`;
  return view.kind === 'search' ? `${failed} / searches again.` : failed;
}

import type { FileRow, FilesView, Overlay, Pane } from './ui-state.js';

/** Every change the main screen's own state can go through. */
export type UiAction =
  | { type: 'focus-next' }
  | { type: 'focus-prev' }
  | { type: 'focus'; pane: Pane }
  | { type: 'move'; delta: number; count: number }
  | { type: 'move-to'; index: number; count: number }
  | { type: 'overlay'; overlay: Overlay }
  | { type: 'back' }
  | { type: 'search-open' }
  | { type: 'files-load'; request: number; view: FilesView }
  | { type: 'files-loaded'; request: number; rows: FileRow[]; more: boolean }
  | { type: 'files-failed'; request: number; error: string }
  | { type: 'notice'; text: string }
  | { type: 'notice-expired'; serial: number };

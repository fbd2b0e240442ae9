import { clampCursor } from './clamp-cursor.js';
import type { UiAction } from './ui-action.js';
import { Pane, PANES, type FileRow, type UiState } from './ui-state.js';

/** Shown when a search matched more files than it lists. */
export const MORE_NOTICE =
  'More files match than are listed: add words to narrow the search.';

/** The main screen's state machine: pure, so it is tested without Ink. */
export function uiReducer(state: UiState, action: UiAction): UiState {
  switch (action.type) {
    case 'focus-next':
      return { ...state, focusedPane: cycle(state.focusedPane, 1) };
    case 'focus-prev':
      return { ...state, focusedPane: cycle(state.focusedPane, -1) };
    case 'focus':
      return { ...state, focusedPane: action.pane };
    case 'move':
      return moveTo(
        state,
        clampCursor(cursorOf(state), action.count) + action.delta,
        action.count,
      );
    case 'move-to':
      return moveTo(state, action.index, action.count);
    case 'overlay':
      return { ...state, overlay: action.overlay };
    case 'back':
      return back(state);
    case 'search-open':
      return openSearch(state);
    case 'files-load':
      return {
        ...state,
        searchOpen: false,
        focusedPane: Pane.Files,
        filesView: action.view,
        query: action.view.kind === 'search' ? action.view.query : state.query,
        fileRows: [],
        filesLoading: true,
        filesError: '',
        filesMore: false,
        filesRequest: action.request,
        cursors: { ...state.cursors, [Pane.Files]: 0 },
        notice: '',
      };
    case 'files-loaded':
      if (action.request !== state.filesRequest) return state;
      return loaded(state, action.rows, action.more);
    case 'files-failed':
      if (action.request !== state.filesRequest) return state;
      return { ...state, filesLoading: false, filesError: action.error };
    case 'notice':
      return {
        ...state,
        notice: action.text,
        noticeSerial: state.noticeSerial + 1,
      };
    case 'notice-expired':
      if (action.serial !== state.noticeSerial) return state;
      return { ...state, notice: '' };
    default: {
      const exhaustive: never = action;
      return exhaustive;
    }
  }
}

/** Rows that arrived; if more files match, a notice says how to see them. */
function loaded(state: UiState, rows: FileRow[], more: boolean): UiState {
  const next = { ...state, fileRows: rows, filesLoading: false };
  if (!more) return { ...next, filesMore: false };
  return {
    ...next,
    filesMore: true,
    notice: MORE_NOTICE,
    noticeSerial: state.noticeSerial + 1,
  };
}

function cycle(pane: Pane, step: number): Pane {
  const index = PANES.indexOf(pane);
  return PANES[(index + step + PANES.length) % PANES.length] ?? Pane.Peers;
}

function cursorOf(state: UiState): number {
  return state.cursors[state.focusedPane];
}

function moveTo(state: UiState, index: number, count: number): UiState {
  return {
    ...state,
    cursors: {
      ...state.cursors,
      [state.focusedPane]: clampCursor(index, count),
    },
  };
}

function back(state: UiState): UiState {
  if (state.overlay !== 'none') return { ...state, overlay: 'none' };
  if (state.searchOpen) return { ...state, searchOpen: false };
  if (state.focusedPane === Pane.Files && state.filesView.kind === 'peer') {
    return { ...state, focusedPane: Pane.Peers };
  }
  return state;
}

/**
 * The search box lives in the Files pane, so opening it closes the help
 * that hides that pane: the box has the keyboard only where it is seen.
 * The quit question keeps the keyboard until it is answered.
 */
function openSearch(state: UiState): UiState {
  if (state.overlay === 'confirm-quit') return state;
  return {
    ...state,
    overlay: 'none',
    searchOpen: true,
    focusedPane: Pane.Files,
  };
}

/** The three panes of the main screen, in Tab order. */
export enum Pane {
  Peers = 'peers',
  Files = 'files',
  Transfers = 'transfers',
}

export const PANES: readonly Pane[] = [Pane.Peers, Pane.Files, Pane.Transfers];

export type Overlay = 'none' | 'help' | 'confirm-quit';

/** What the Files pane lists. */
export type FilesView =
  | { kind: 'empty' }
  | { kind: 'search'; query: string }
  | { kind: 'peer'; username: string }
  | { kind: 'own' };

/** One row of the Files pane: a search result or a share entry. */
export interface FileRow {
  sha256: string;
  name: string;
  size: number;
  /** Search results only: how many online peers hold it. */
  sources?: number;
}

/** Everything the main screen keeps of its own (the rest is the peer's). */
export interface UiState {
  focusedPane: Pane;
  cursors: Record<Pane, number>;
  overlay: Overlay;
  /** True while the search box has the keyboard. */
  searchOpen: boolean;
  /** The last search, shown again when the search box reopens. */
  query: string;
  filesView: FilesView;
  fileRows: FileRow[];
  /** The latest files load; a late answer to an older one is dropped. */
  filesRequest: number;
  filesLoading: boolean;
  /** Why the latest files load failed; '' when it did not. */
  filesError: string;
  /**
   * More files may match the search than are listed: the directory has
   * more past the limit, or left out names of a very large tie.
   */
  filesMore: boolean;
  /** A one-line notice: what just happened or went wrong. */
  notice: string;
  /** Counts notices, so only the newest one's timer clears it. */
  noticeSerial: number;
}

export const initialUiState: UiState = {
  focusedPane: Pane.Peers,
  cursors: { [Pane.Peers]: 0, [Pane.Files]: 0, [Pane.Transfers]: 0 },
  overlay: 'none',
  searchOpen: false,
  query: '',
  filesView: { kind: 'empty' },
  fileRows: [],
  filesRequest: 0,
  filesLoading: false,
  filesError: '',
  filesMore: false,
  notice: '',
  noticeSerial: 0,
};

import type { TerminalSize } from '../hooks/useTerminalSize.js';

export interface MainLayout {
  /** Rows between the status bar and the footer. */
  body: number;
  /** Rows of the Peers and Files panes; Transfers gets the rest. */
  topHeight: number;
  /** Columns of the Peers pane; Files gets the rest. */
  peersWidth: number;
}

/** How the main screen divides a terminal of `size` among its panes. */
export function mainLayout({ columns, rows }: TerminalSize): MainLayout {
  const body = rows - 3;
  return {
    body,
    topHeight: Math.max(8, Math.ceil(body * 0.6)),
    peersWidth: Math.min(36, Math.floor(columns * 0.33)),
  };
}

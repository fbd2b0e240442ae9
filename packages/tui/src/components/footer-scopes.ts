import { Scope } from '../keys/command.js';
import type { UiState } from '../state/ui-state.js';

/** The key scopes the main screen's footer shows hints for. */
export function footerScopes(ui: UiState): Scope[] {
  if (ui.overlay === 'confirm-quit') return [Scope.Confirm];
  if (ui.searchOpen) return [Scope.Search];
  const pane = {
    peers: Scope.Peers,
    files: Scope.Files,
    transfers: Scope.Transfers,
  };
  return [Scope.Global, pane[ui.focusedPane], Scope.List];
}

import type { Dispatch } from 'react';
import { Command, Scope } from '../keys/command.js';
import type { UiAction } from '../state/ui-action.js';
import { Pane, type FilesView, type UiState } from '../state/ui-state.js';
import { useCommands } from './useCommands.js';

/**
 * The main screen's keys that work from any pane (off while the search box
 * has the keyboard), and the y/n of the quit question; all off while the
 * screen is not `shown` (the window too small), so no key acts unseen.
 */
export function useGlobalKeys({
  ui,
  dispatch,
  load,
  activeTransfers,
  onQuit,
  shown,
}: {
  ui: UiState;
  dispatch: Dispatch<UiAction>;
  load: (view: FilesView) => void;
  activeTransfers: number;
  onQuit: () => void;
  shown: boolean;
}): void {
  const confirming = ui.overlay === 'confirm-quit';
  const focus = (pane: Pane) => () => dispatch({ type: 'focus', pane });
  useCommands(
    [Scope.Global],
    {
      [Command.NextPane]: () => dispatch({ type: 'focus-next' }),
      [Command.PrevPane]: () => dispatch({ type: 'focus-prev' }),
      [Command.FocusPeers]: focus(Pane.Peers),
      [Command.FocusFiles]: focus(Pane.Files),
      [Command.FocusTransfers]: focus(Pane.Transfers),
      [Command.Search]: () => dispatch({ type: 'search-open' }),
      [Command.OwnShare]: () => load({ kind: 'own' }),
      [Command.Help]: () =>
        dispatch({
          type: 'overlay',
          overlay: ui.overlay === 'help' ? 'none' : 'help',
        }),
      [Command.Back]: () => dispatch({ type: 'back' }),
      [Command.Quit]: () =>
        activeTransfers > 0
          ? dispatch({ type: 'overlay', overlay: 'confirm-quit' })
          : onQuit(),
    },
    shown && !ui.searchOpen && !confirming,
  );
  useCommands(
    [Scope.Confirm],
    {
      [Command.ConfirmYes]: onQuit,
      [Command.ConfirmNo]: () => dispatch({ type: 'overlay', overlay: 'none' }),
    },
    shown && confirming,
  );
}

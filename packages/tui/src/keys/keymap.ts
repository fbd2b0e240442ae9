import { Command, Scope } from './command.js';

/** One row of the keymap: the keys of a command, where, and its words. */
export interface Binding {
  command: Command;
  keys: readonly string[];
  scope: Scope;
  /** Short label for the footer; omitted: not shown there. */
  hint?: string;
  /** What it does, for the `?` help overlay. */
  description: string;
}

const b = (
  command: Command,
  scope: Scope,
  keys: readonly string[],
  description: string,
  hint?: string,
): Binding => ({ command, scope, keys, description, hint });

/**
 * The one keymap: handlers, footer hints, the help overlay and the README's
 * key table all read it. Key names: a character as typed ("G" is Shift+g),
 * or "tab", "shift+tab", "enter", "escape", "up", "down", "pageup",
 * "pagedown", "home", "end", "ctrl+X".
 */
export const KEYMAP: readonly Binding[] = [
  b(Command.NextPane, Scope.Global, ['tab'], 'next pane', 'pane'),
  b(Command.PrevPane, Scope.Global, ['shift+tab'], 'previous pane'),
  b(Command.FocusPeers, Scope.Global, ['1'], 'go to Peers'),
  b(Command.FocusFiles, Scope.Global, ['2'], 'go to Files'),
  b(Command.FocusTransfers, Scope.Global, ['3'], 'go to Transfers'),
  b(Command.Search, Scope.Global, ['/'], 'search', 'search'),
  b(Command.OwnShare, Scope.Global, ['o'], 'show your own share'),
  b(Command.Help, Scope.Global, ['?'], 'this help', 'help'),
  b(Command.Back, Scope.Global, ['escape'], 'close, or go back'),
  b(Command.Quit, Scope.Global, ['q'], 'quit (asks if busy)', 'quit'),
  b(Command.ForceQuit, Scope.App, ['ctrl+c'], 'quit now'),
  b(Command.Up, Scope.List, ['up', 'k'], 'move up'),
  b(Command.Down, Scope.List, ['down', 'j'], 'move down', 'move'),
  b(Command.Top, Scope.List, ['g', 'home'], 'first row'),
  b(Command.Bottom, Scope.List, ['G', 'end'], 'last row'),
  b(Command.PageUp, Scope.List, ['pageup'], 'page up'),
  b(Command.PageDown, Scope.List, ['pagedown'], 'page down'),
  b(
    Command.Browse,
    Scope.Peers,
    ['enter'],
    "browse the peer's share",
    'browse',
  ),
  b(Command.Download, Scope.Files, ['enter'], 'download the file', 'download'),
  b(
    Command.SearchSubmit,
    Scope.Search,
    ['enter'],
    'run the search (with nothing typed: close the box)',
    'search',
  ),
  b(
    Command.SearchRecall,
    Scope.Search,
    ['up'],
    'bring back the last search',
    'last',
  ),
  b(Command.Back, Scope.Search, ['escape'], 'close the search box', 'close'),
  b(Command.PauseResume, Scope.Transfers, ['p'], 'pause or resume', 'pause'),
  b(Command.Cancel, Scope.Transfers, ['x', 'd'], 'cancel', 'cancel'),
  b(
    Command.Retry,
    Scope.Transfers,
    ['r'],
    'retry a failed or cancelled one',
    'retry',
  ),
  b(
    Command.ClearFinished,
    Scope.Transfers,
    ['c'],
    'clear done, cancelled and failed ones',
  ),
  b(Command.ConfirmYes, Scope.Confirm, ['y', 'enter'], 'yes', 'yes'),
  b(Command.ConfirmNo, Scope.Confirm, ['n', 'escape'], 'no', 'no'),
  b(Command.LoginSelect, Scope.Profiles, ['enter'], 'log in with it', 'log in'),
  b(Command.LoginNew, Scope.Profiles, ['n'], 'new profile', 'new'),
  b(Command.LoginEdit, Scope.Profiles, ['e'], 'edit profile', 'edit'),
  b(Command.LoginDelete, Scope.Profiles, ['d'], 'delete profile', 'delete'),
  b(Command.Quit, Scope.Profiles, ['q'], 'quit', 'quit'),
  b(Command.FormNext, Scope.Form, ['tab', 'down'], 'next field', 'next'),
  b(Command.FormPrev, Scope.Form, ['shift+tab', 'up'], 'previous field'),
  b(Command.FormSave, Scope.Form, ['enter'], 'save profile', 'save'),
  b(Command.Back, Scope.Form, ['escape'], 'cancel', 'cancel'),
  b(
    Command.LoginSubmit,
    Scope.Password,
    ['enter'],
    'log in (or register)',
    'go',
  ),
  b(
    Command.Register,
    Scope.Password,
    ['tab'],
    'switch log in / register a new account',
    'register',
  ),
  b(Command.Back, Scope.Password, ['escape'], 'back to profiles', 'back'),
  b(
    Command.Back,
    Scope.Connecting,
    ['escape'],
    'cancel the login under way',
    'cancel',
  ),
];

/** The command `key` triggers among `scopes`, the first scope winning. */
export function commandFor(
  key: string,
  scopes: readonly Scope[],
): Command | undefined {
  for (const scope of scopes) {
    const found = KEYMAP.find((x) => x.scope === scope && x.keys.includes(key));
    if (found) return found.command;
  }
  return undefined;
}

/** Bindings of `scopes` that have a footer hint, in table order. */
export function hintsFor(scopes: readonly Scope[]): Binding[] {
  return KEYMAP.filter((x) => x.hint && scopes.includes(x.scope));
}

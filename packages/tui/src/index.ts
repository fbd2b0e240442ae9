export { buildProgram, main } from './cli/main.js';
export { runTui } from './app/run-tui.js';
export { keypressStdin } from './app/keypress-stdin.js';
export { App, type AppProps } from './components/App.js';
export { MainScreen } from './components/MainScreen.js';
export { LoginScreen } from './login/LoginScreen.js';
export {
  PeerClientProvider,
  usePeerClient,
} from './context/PeerClientContext.js';
export { uiReducer } from './state/ui-reducer.js';
export type { UiAction } from './state/ui-action.js';
export {
  initialUiState,
  Pane,
  PANES,
  type FileRow,
  type FilesView,
  type Overlay,
  type UiState,
} from './state/ui-state.js';
export { Command, Scope } from './keys/command.js';
export { commandFor, hintsFor, KEYMAP, type Binding } from './keys/keymap.js';
export { keyLabel, keyName } from './keys/key-name.js';
export { formatCount, formatSize, formatSpeed } from './format/format-size.js';
export { formatEta } from './format/format-eta.js';
export { displayWidth, fit, safeText } from './format/safe-text.js';
export { percent, progressBar } from './format/progress-bar.js';
export { windowRange, type WindowRange } from './format/window-range.js';
export { transferLine } from './format/transfer-line.js';

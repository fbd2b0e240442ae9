/**
 * Sets up the environment Ink and React read when they are first imported,
 * so call it before the lazy import of the UI:
 * - React's production build (faster renders, less memory) unless
 *   `NODE_ENV` says otherwise;
 * - on a terminal, `CI` and `CONTINUOUS_INTEGRATION` are dropped: Ink reads
 *   them once at import and, when set, draws nothing until exit. `ferry` is
 *   interactive only, so a terminal means a person (or tmux) is watching.
 */
export function prepareRenderEnv(
  env: NodeJS.ProcessEnv,
  isTerminal: boolean,
): void {
  env['NODE_ENV'] ??= 'production';
  if (!isTerminal) return;
  delete env['CI'];
  delete env['CONTINUOUS_INTEGRATION'];
}

import type { Dispatch } from 'react';
import { Command } from '../keys/command.js';
import type { UiAction } from './ui-action.js';

/** Handlers of the list keys for a focused list of `count` rows. */
export function listHandlers(
  dispatch: Dispatch<UiAction>,
  count: number,
  pageSize: number,
): Partial<Record<Command, () => void>> {
  const move = (delta: number) => () =>
    dispatch({ type: 'move', delta, count });
  return {
    [Command.Up]: move(-1),
    [Command.Down]: move(1),
    [Command.PageUp]: move(-Math.max(1, pageSize)),
    [Command.PageDown]: move(Math.max(1, pageSize)),
    [Command.Top]: () => dispatch({ type: 'move-to', index: 0, count }),
    [Command.Bottom]: () =>
      dispatch({ type: 'move-to', index: count - 1, count }),
  };
}

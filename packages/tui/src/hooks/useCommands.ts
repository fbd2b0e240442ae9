import { useCallback, useLayoutEffect, useRef } from 'react';
import { useInput, type Key } from 'ink';
import type { Command, Scope } from '../keys/command.js';
import { keyName } from '../keys/key-name.js';
import { commandFor } from '../keys/keymap.js';

export type CommandHandlers = Partial<Record<Command, () => void>>;

/**
 * Listens to the keyboard while `isActive`, looks each key up in the
 * keymap among `scopes`, and runs the matching handler. The handlers are
 * read from a ref set at commit, so a key pressed right after a change
 * already sees the new state (Ink re-subscribes `useInput` only later).
 */
export function useCommands(
  scopes: readonly Scope[],
  handlers: CommandHandlers,
  isActive: boolean,
): void {
  const latest = useRef({ scopes, handlers });
  useLayoutEffect(() => {
    latest.current = { scopes, handlers };
  });
  const onInput = useCallback((input: string, key: Key) => {
    const { scopes: now, handlers: run } = latest.current;
    const command = commandFor(keyName(input, key), now);
    if (command) run[command]?.();
  }, []);
  useInput(onInput, { isActive });
}

import { useInput } from 'ink';
import type { Command, Scope } from '../keys/command.js';
import { keyName } from '../keys/key-name.js';
import { commandFor } from '../keys/keymap.js';

export type CommandHandlers = Partial<Record<Command, () => void>>;

/**
 * Listens to the keyboard while `isActive`, looks each key up in the
 * keymap among `scopes`, and runs the matching handler.
 */
export function useCommands(
  scopes: readonly Scope[],
  handlers: CommandHandlers,
  isActive: boolean,
): void {
  useInput(
    (input, key) => {
      const command = commandFor(keyName(input, key), scopes);
      if (command) handlers[command]?.();
    },
    { isActive },
  );
}

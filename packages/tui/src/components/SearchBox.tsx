import { useState } from 'react';
import { Box, Text } from 'ink';
import { displayWidth } from '../format/safe-text.js';
import { useCommands } from '../hooks/useCommands.js';
import { Command, Scope } from '../keys/command.js';
import { TextField } from './TextField.js';

const LABEL = 'search: ';

/**
 * The search line: while open it owns the keyboard (every letter is text),
 * Enter runs the search and Esc closes it. It opens empty, so a new search
 * is typed from scratch; ↑ brings back `last` to refine it. The text box
 * keeps its text in a ref, so keystrokes that arrive faster than the
 * screen redraws are all kept, in order, and Enter searches for exactly
 * what was typed before it.
 */
export function SearchBox({
  width,
  last,
  onSubmit,
  onCancel,
}: {
  /** Columns of the search line, its label included. */
  width: number;
  last: string;
  onSubmit: (query: string) => void;
  onCancel: () => void;
}) {
  const [recalled, setRecalled] = useState(false);
  // Enter (SearchSubmit) is the field's: it submits every character typed
  // before it, even in one burst.
  useCommands(
    [Scope.Search],
    {
      [Command.Back]: onCancel,
      [Command.SearchRecall]: () => {
        if (last !== '') setRecalled(true);
      },
    },
    true,
  );
  return (
    <Box>
      <Text color="cyan">{LABEL}</Text>
      <TextField
        width={width - displayWidth(LABEL)}
        key={recalled ? 'recalled' : 'new'}
        defaultValue={recalled ? last : ''}
        onSubmit={onSubmit}
        placeholder={
          last === ''
            ? 'words in the file name, Enter to search'
            : 'words in the file name, Enter to search, ↑ last search'
        }
      />
    </Box>
  );
}

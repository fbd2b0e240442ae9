import { Box, Text, useInput } from 'ink';
import { TextInput } from '@inkjs/ui';
import { withoutControls } from '../format/safe-text.js';

/**
 * The search line: while open it owns the keyboard (every letter is text),
 * Enter runs the search and Esc closes it. The text box keeps its text in a
 * reducer, so keystrokes that arrive faster than the screen redraws are all
 * kept, in order.
 */
export function SearchBox({
  initial,
  onSubmit,
  onCancel,
}: {
  initial: string;
  onSubmit: (query: string) => void;
  onCancel: () => void;
}) {
  useInput(
    (_input, key) => {
      if (key.escape) onCancel();
    },
    { isActive: true },
  );
  return (
    <Box>
      <Text color="cyan">search: </Text>
      <TextInput
        defaultValue={initial}
        onSubmit={(query) => onSubmit(withoutControls(query))}
        placeholder="words in the file name, Enter to search"
      />
    </Box>
  );
}

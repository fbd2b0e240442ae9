import { useRef, useState } from 'react';
import { Box, Text, useInput } from 'ink';
import TextInput from 'ink-text-input';
import { withoutControls } from '../format/safe-text.js';

/**
 * The search line: while open it owns the keyboard (every letter is text),
 * Enter runs the search and Esc closes it. The text lives here while typed,
 * so a keystroke re-renders this line only.
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
  const [query, setQuery] = useState(initial);
  // The text as last typed, even before a re-render: Enter pressed right
  // after typing submits all of it.
  const typed = useRef(initial);
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
        value={query}
        onChange={(text) => {
          typed.current = withoutControls(text);
          setQuery(typed.current);
        }}
        onSubmit={() => onSubmit(typed.current)}
        placeholder="words in the file name, Enter to search"
      />
    </Box>
  );
}

import { Box, Text, useInput } from 'ink';
import TextInput from 'ink-text-input';

/**
 * The search line: while open it owns the keyboard (every letter is text),
 * Enter runs the search and Esc closes it.
 */
export function SearchBox({
  query,
  onChange,
  onSubmit,
  onCancel,
}: {
  query: string;
  onChange: (query: string) => void;
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
        value={query}
        onChange={onChange}
        onSubmit={onSubmit}
        placeholder="words in the file name, Enter to search"
      />
    </Box>
  );
}

import { Box, Text } from 'ink';
import { SMALLEST_SIZE, type TerminalSize } from '../hooks/useTerminalSize.js';

/** Shown instead of the panes while the terminal is smaller than they need. */
export function TooSmall({ columns, rows }: TerminalSize) {
  const { columns: needColumns, rows: needRows } = SMALLEST_SIZE;
  return (
    <Box flexDirection="column" width={columns} height={rows - 1}>
      <Text wrap="wrap">
        Make the window bigger: ferry needs {needColumns}×{needRows}, this one
        is {columns}×{rows}. Transfers go on meanwhile; Ctrl+C quits.
      </Text>
    </Box>
  );
}

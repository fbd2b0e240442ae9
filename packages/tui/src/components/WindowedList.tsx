import { Box, Text } from 'ink';
import { fit, safeText } from '../format/safe-text.js';
import { windowRange } from '../format/window-range.js';

/**
 * Draws only the rows that fit in `height` around the cursor, so a list of
 * ten thousand costs what a list of fifty does. `line(i)` renders row i as
 * plain text `width` columns wide, drawn after a two-column cursor mark; a
 * longer one is cut, never wrapped.
 */
export function WindowedList({
  count,
  cursor,
  height,
  width,
  focused,
  line,
  empty,
  emptyIsError = false,
}: {
  count: number;
  cursor: number;
  height: number;
  width: number;
  focused: boolean;
  line: (index: number) => string;
  empty: string;
  /** `empty` says what failed: red, wrapped so the reason shows whole. */
  emptyIsError?: boolean;
}) {
  if (count === 0 && emptyIsError) {
    return (
      <Box width={width + 2}>
        <Text color="red" wrap="wrap">
          {safeText(empty)}
        </Text>
      </Box>
    );
  }
  if (count === 0) {
    return <Text dimColor>{fit(empty, width)}</Text>;
  }
  const { start, end } = windowRange(count, cursor, height);
  const rows = [];
  for (let index = start; index < end; index += 1) {
    const selected = index === cursor;
    rows.push(
      <Text key={index} inverse={selected && focused} bold={selected}>
        {selected ? '▸ ' : '  '}
        {fit(line(index), width)}
      </Text>,
    );
  }
  return <Box flexDirection="column">{rows}</Box>;
}

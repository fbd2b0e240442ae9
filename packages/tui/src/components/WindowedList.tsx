import { Box, Text } from 'ink';
import { fit } from '../format/safe-text.js';
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
}: {
  count: number;
  cursor: number;
  height: number;
  width: number;
  focused: boolean;
  line: (index: number) => string;
  empty: string;
}) {
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

import { useState } from 'react';
import { Box, Text } from 'ink';
import { fit } from '../format/safe-text.js';
import { useCommands } from '../hooks/useCommands.js';
import { Command, Scope } from '../keys/command.js';
import { clampCursor } from '../state/clamp-cursor.js';
import { helpLines } from './help-lines.js';

/**
 * Every key of the main screen, from the keymap, in a bordered box. When
 * the lines do not fit, the list keys (↑ ↓ j k PgUp PgDn g G Home End)
 * scroll it and the title says which lines show.
 */
export function HelpOverlay({
  width,
  height,
}: {
  width: number;
  height: number;
}) {
  const lines = helpLines(width - 2);
  const visible = Math.max(1, height - 3);
  const last = Math.max(0, lines.length - visible);
  const [wanted, setTop] = useState(0);
  const top = clampCursor(wanted, last + 1);
  const scroll = (to: number) => () => setTop(clampCursor(to, last + 1));
  useCommands(
    [Scope.List],
    {
      [Command.Up]: scroll(top - 1),
      [Command.Down]: scroll(top + 1),
      [Command.PageUp]: scroll(top - visible),
      [Command.PageDown]: scroll(top + visible),
      [Command.Top]: scroll(0),
      [Command.Bottom]: scroll(last),
    },
    true,
  );
  const shown = lines.slice(top, top + visible);
  const where =
    last > 0
      ? `Keys ${top + 1}–${top + shown.length}/${lines.length} · ↑↓ scroll · Esc closes`
      : 'Keys · Esc or ? closes';
  return (
    <Box
      flexDirection="column"
      borderStyle="double"
      borderColor="cyan"
      width={width}
      height={height}
    >
      <Text bold color="cyan">
        {fit(where, width - 2)}
      </Text>
      {shown.map((line, i) => (
        <Text key={top + i}>{line}</Text>
      ))}
    </Box>
  );
}

import { Box, Text } from 'ink';
import { Scope } from '../keys/command.js';
import { keyLabel } from '../keys/key-name.js';
import { KEYMAP } from '../keys/keymap.js';
import { fit } from '../format/safe-text.js';

const MAIN_SCOPES = new Set<Scope>([
  Scope.App,
  Scope.Global,
  Scope.List,
  Scope.Peers,
  Scope.Files,
  Scope.Transfers,
]);

/** Every key of the main screen, from the keymap, in two columns. */
export function HelpOverlay({
  width,
  height,
}: {
  width: number;
  height: number;
}) {
  const rows = KEYMAP.filter((x) => MAIN_SCOPES.has(x.scope)).map(
    (x) =>
      fit(x.scope, 10) +
      fit(x.keys.map(keyLabel).join(' '), 14) +
      x.description,
  );
  const half = Math.ceil(rows.length / 2);
  const column = Math.floor((width - 4) / 2);
  const lines = rows
    .slice(0, half)
    .map((left, i) => fit(left, column) + fit(rows[half + i] ?? '', column));
  return (
    <Box
      flexDirection="column"
      borderStyle="double"
      borderColor="cyan"
      width={width}
      height={height}
    >
      <Text bold color="cyan">
        {fit('Keys · Esc or ? closes', width - 2)}
      </Text>
      {lines.map((line, i) => (
        <Text key={i}>{line}</Text>
      ))}
    </Box>
  );
}

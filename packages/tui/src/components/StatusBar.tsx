import { Box, Text } from 'ink';
import stringWidth from 'string-width';
import type { PeerSnapshot } from '@ferry/peer-core';
import { fit, safeText } from '../format/safe-text.js';
import {
  connectionColor,
  directoryHost,
  statusFigures,
} from '../format/status-line.js';

/** One line: who and where we are, the connection, and the totals. */
export function StatusBar({
  snapshot,
  width,
}: {
  snapshot: PeerSnapshot;
  width: number;
}) {
  const compact = width < 100;
  const who = safeText(
    `${compact ? '' : ' ferry '} ${snapshot.username}@` +
      `${directoryHost(snapshot.directoryUrl)}  `,
  );
  const state = `● ${snapshot.connection}`;
  const error = snapshot.connectionError
    ? ` (${snapshot.connectionError})`
    : '';
  const rest = width - stringWidth(who) - state.length;
  return (
    <Box width={width}>
      <Text bold>{who}</Text>
      <Text color={connectionColor(snapshot.connection)}>{state}</Text>
      <Text>
        {fit(
          `${error}  ${statusFigures(snapshot, compact)}`,
          Math.max(0, rest),
        )}
      </Text>
    </Box>
  );
}

import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import { fit } from '../format/safe-text.js';

/** A bordered pane with a title line; cyan while it has the focus. */
export function Pane({
  title,
  focused,
  width,
  height,
  children,
}: {
  title: string;
  focused: boolean;
  width: number;
  height: number;
  children: ReactNode;
}) {
  return (
    <Box
      flexDirection="column"
      borderStyle="round"
      borderColor={focused ? 'cyan' : 'gray'}
      width={width}
      height={height}
      overflow="hidden"
    >
      <Text bold color={focused ? 'cyan' : undefined}>
        {fit(` ${title}`, width - 2)}
      </Text>
      {children}
    </Box>
  );
}

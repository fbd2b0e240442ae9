import { Box, Text } from 'ink';

/** Asks before quitting while transfers are still moving. */
export function ConfirmQuit({
  active,
  width,
  height,
}: {
  active: number;
  width: number;
  height: number;
}) {
  const running = `${active} transfer${active === 1 ? ' is' : 's are'}`;
  return (
    <Box
      borderStyle="double"
      borderColor="yellow"
      width={width}
      height={height}
      paddingX={1}
    >
      <Text>{`${running} still running. Quit anyway? (y/n)`}</Text>
    </Box>
  );
}

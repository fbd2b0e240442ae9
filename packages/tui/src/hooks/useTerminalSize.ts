import { useEffect, useState } from 'react';
import { useStdout } from 'ink';

export interface TerminalSize {
  columns: number;
  rows: number;
}

/** The size assumed when the terminal does not say. */
export const DEFAULT_SIZE: TerminalSize = { columns: 80, rows: 24 };

/**
 * The smallest terminal the main screen lays itself out in: every pane
 * keeps its border, title and at least one row. Below it, the screen asks
 * for a bigger window instead.
 */
export const SMALLEST_SIZE: TerminalSize = { columns: 40, rows: 15 };

function read(stdout: NodeJS.WriteStream): TerminalSize {
  return {
    columns: stdout.columns || DEFAULT_SIZE.columns,
    rows: stdout.rows || DEFAULT_SIZE.rows,
  };
}

/** The terminal's size, 80×24 when unknown; follows resizes. */
export function useTerminalSize(): TerminalSize {
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => read(stdout));
  useEffect(() => {
    const onResize = () => setSize(read(stdout));
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}

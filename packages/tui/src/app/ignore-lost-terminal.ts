const LOST = new Set(['EIO', 'EPIPE', 'ENXIO']);

function ignoreLost(error: NodeJS.ErrnoException): void {
  if (!LOST.has(error.code ?? '')) throw error;
}

/**
 * Once the terminal is gone (its window closed: SIGHUP), every write to it
 * fails with EIO. Those failures must not crash the process while it stops
 * the peer and cleans up, so they are ignored from then on; any other
 * stream error still throws.
 */
export function ignoreLostTerminal(
  streams: readonly NodeJS.EventEmitter[],
): void {
  for (const stream of streams) {
    if (!stream.listeners('error').includes(ignoreLost)) {
      stream.on('error', ignoreLost);
    }
  }
}

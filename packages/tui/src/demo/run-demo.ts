import { runTui } from '../app/run-tui.js';
import { startDemo } from './start-demo.js';

/**
 * `pnpm demo`: a directory, two sample peers and the TUI logged in as
 * "demo"; quitting the TUI stops everything and removes the temp folder.
 */
export async function runDemo(): Promise<void> {
  // From the first SIGINT, SIGTERM or SIGHUP (a closed terminal) on, the
  // demo winds down, and later signals no longer kill it halfway through
  // removing what it started. While the TUI runs, it quits on them too.
  let stopAsked = false;
  const askStop = () => {
    stopAsked = true;
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const signal of signals) process.on(signal, askStop);
  try {
    process.stdout.write('Starting the Ferry demo (directory, alice, bob)…\n');
    const demo = await startDemo();
    try {
      if (!stopAsked) {
        await runTui({
          store: demo.store,
          connect: demo.connect,
          client: demo.user,
        });
      }
    } finally {
      await demo.stop();
    }
    process.stdout.write('Demo stopped; everything it started is gone.\n');
  } finally {
    for (const signal of signals) process.off(signal, askStop);
  }
}

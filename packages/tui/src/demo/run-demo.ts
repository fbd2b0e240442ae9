import { runTui } from '../app/run-tui.js';
import { startDemo } from './start-demo.js';

/**
 * `pnpm demo`: a directory, two sample peers and the TUI logged in as
 * "demo"; quitting the TUI stops everything and removes the temp folder.
 */
export async function runDemo(): Promise<void> {
  process.stdout.write('Starting the Ferry demo (directory, alice, bob)…\n');
  const demo = await startDemo();
  try {
    await runTui({
      store: demo.store,
      connect: demo.connect,
      client: demo.user,
    });
  } finally {
    await demo.stop();
  }
  process.stdout.write('Demo stopped; everything it started is gone.\n');
}

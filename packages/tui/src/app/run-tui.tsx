import { render } from 'ink';
import { App, type AppProps } from '../components/App.js';
import { keypressStdin } from './keypress-stdin.js';
import { enterAlternateScreen } from './terminal-screen.js';

/**
 * Runs the TUI full screen until the user quits; the terminal is restored
 * however it ends. SIGTERM and SIGHUP quit like Ctrl+C does.
 */
export async function runTui(props: AppProps): Promise<void> {
  const restore = enterAlternateScreen(process.stdout);
  const quitter = new AbortController();
  const instance = render(<App {...props} quitSignal={quitter.signal} />, {
    stdin: keypressStdin(process.stdin),
    exitOnCtrlC: false,
    patchConsole: true,
  });
  const stop = () => quitter.abort();
  process.once('SIGTERM', stop);
  process.once('SIGHUP', stop);
  try {
    await instance.waitUntilExit();
  } finally {
    process.off('SIGTERM', stop);
    process.off('SIGHUP', stop);
    instance.cleanup();
    restore();
  }
}

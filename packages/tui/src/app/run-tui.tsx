import { render } from 'ink';
import { App, type AppProps } from '../components/App.js';
import { ignoreLostTerminal } from './ignore-lost-terminal.js';
import { keypressStdin } from './keypress-stdin.js';
import { enterAlternateScreen } from './terminal-screen.js';

/**
 * Runs the TUI full screen until the user quits; the terminal is restored
 * however it ends. SIGINT, SIGTERM and SIGHUP quit like Ctrl+C does.
 */
export async function runTui(props: AppProps): Promise<void> {
  ignoreLostTerminal([process.stdout, process.stdin]);
  const restore = enterAlternateScreen(process.stdout);
  const quitter = new AbortController();
  const instance = render(<App {...props} quitSignal={quitter.signal} />, {
    stdin: keypressStdin(process.stdin),
    exitOnCtrlC: false,
    patchConsole: true,
  });
  // `on`, not `once`: Ink's exit hook (signal-exit) kills the process
  // itself when it finds no other listener for a signal it sees, which
  // would cut the peer's clean stop short.
  const stop = () => quitter.abort();
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const signal of signals) process.on(signal, stop);
  try {
    await instance.waitUntilExit();
  } finally {
    for (const signal of signals) process.off(signal, stop);
    instance.cleanup();
    restore();
  }
}

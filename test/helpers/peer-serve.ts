import type { ChildProcess } from 'node:child_process';
import { exitOf, spawnPeerCli } from './peer-cli.js';
import { waitFor } from './peer-temp.js';
import type { ChildUser } from './unprivileged.js';

/** A running `ferry-peer serve` and what it has logged so far. */
export interface ServeProcess {
  child: ChildProcess;
  /** Everything written to stderr (its JSON log) so far. */
  readonly stderr: string;
  /** Resolves once stderr holds `text`. */
  saw(text: string): Promise<void>;
  /** Resolves with the log line saying it is serving, once it is there. */
  serving(): Promise<Record<string, unknown>>;
}

const SERVING = '"msg":"serving"';

/**
 * Starts `ferry-peer serve` with `args` and `env` (as `user` when given),
 * collecting its stderr and draining its stdout.
 */
export function spawnServe(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  user: ChildUser = {},
): ServeProcess {
  const child = spawnPeerCli(['serve', ...args], env, [], user);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout?.resume();
  return {
    child,
    get stderr() {
      return stderr;
    },
    saw: async (text) => {
      await waitFor(
        () => (stderr.includes(text) ? true : undefined),
        `"${text}" on stderr`,
      );
    },
    serving: () =>
      waitFor(
        () => {
          const complete = stderr.split('\n').slice(0, -1);
          const line = complete.find((text) => text.includes(SERVING));
          return line === undefined
            ? undefined
            : (JSON.parse(line) as Record<string, unknown>);
        },
        'serve to log that it is serving',
        20_000,
      ),
  };
}

/** Sends `signal` to `serve` if it still runs, and waits for it to exit. */
export async function stopServe(
  serve: ServeProcess | undefined,
  signal: NodeJS.Signals,
): Promise<void> {
  const child = serve?.child;
  if (child === undefined) return;
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill(signal);
  await exitOf(child);
}

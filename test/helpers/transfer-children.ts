import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** A test program running in its own Node process. */
export interface Child {
  process: ChildProcess;
  /** Resolves with the first stdout line matching `pattern`. */
  waitForLine(pattern: RegExp): Promise<RegExpMatchArray>;
  /** Kills it with SIGKILL and waits for it to exit. */
  kill(): Promise<void>;
}

const HELPERS = fileURLToPath(new URL('.', import.meta.url));

/**
 * Runs `test/helpers/NAME.ts` through tsx with `args`; its stdout is read
 * line by line. Children are killed by `killAll` in `afterEach`.
 */
export function spawnChild(
  name: string,
  args: string[],
  children: Child[],
): Child {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', `${HELPERS}${name}.ts`, ...args],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout });
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => resolve()),
  );
  const handle: Child = {
    process: child,
    waitForLine: (pattern) =>
      new Promise((resolve, reject) => {
        const onLine = (line: string): void => {
          const match = pattern.exec(line);
          if (match === null) return;
          lines.off('line', onLine);
          resolve(match);
        };
        lines.on('line', onLine);
        void exited.then(() =>
          reject(new Error(`${name} exited before printing ${pattern}`)),
        );
      }),
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null)
        child.kill('SIGKILL');
      await exited;
    },
  };
  children.push(handle);
  return handle;
}

/** Kills every child (call in `afterEach`). */
export async function killAll(children: Child[]): Promise<void> {
  await Promise.all(children.splice(0).map((child) => child.kill()));
}

/**
 * Runs `test/helpers/NAME.ts` through tsx with `args` in a process that may
 * write at most `limitKiB` per file (`ulimit -f`: a bigger write fails with
 * EFBIG); resolves with everything it printed, stdout and stderr, once it
 * exits (killed after 60 s).
 */
export function runWithFileSizeLimit(
  name: string,
  args: string[],
  limitKiB: number,
): Promise<string> {
  const child = spawn(
    'bash',
    [
      '-c',
      `ulimit -f ${limitKiB} && exec "$0" --import tsx "$@"`,
      process.execPath,
      `${HELPERS}${name}.ts`,
      ...args,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve) => child.once('exit', () => resolve(out)));
}

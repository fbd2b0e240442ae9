import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { PROGRAMS, REPO_ROOT, type ProgramResult } from './programs.js';
import type { ChildUser } from './unprivileged.js';

/** Runs `ferry-peer` with `args` to completion (bounded by `timeoutMs`). */
export function runPeerCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 30_000,
  nodeArgs: readonly string[] = [],
): Promise<ProgramResult> {
  const child = spawnPeerCli(args, env, nodeArgs);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve) => {
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/**
 * Starts `ferry-peer` (after `nodeArgs` for node itself) with pipes for
 * stdout and stderr and no stdin, as `user` when given.
 */
export function spawnPeerCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  nodeArgs: readonly string[] = [],
  user: ChildUser = {},
): ChildProcess {
  const argv = [...nodeArgs, PROGRAMS['ferry-peer'], ...args];
  return spawn(process.execPath, argv, {
    cwd: REPO_ROOT,
    env: { PATH: process.env['PATH'], ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...user,
  });
}

/**
 * Resolves with the first JSON line of `stream` that `match` accepts; the
 * rest of the stream is drained so the child never blocks on a full pipe.
 */
export function waitForJsonLine(
  stream: NodeJS.ReadableStream,
  match: (line: Record<string, unknown>) => boolean,
  timeoutMs = 20_000,
): Promise<Record<string, unknown>> {
  const lines = createInterface({ input: stream });
  const done = () => {
    lines.close();
    stream.resume();
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      done();
      reject(new Error('timed out waiting for a JSON line'));
    }, timeoutMs);
    lines.on('line', (text) => {
      let line: unknown;
      try {
        line = JSON.parse(text);
      } catch {
        return;
      }
      if (typeof line === 'object' && line !== null) {
        const record = line as Record<string, unknown>;
        if (!match(record)) return;
        clearTimeout(timer);
        done();
        resolve(record);
      }
    });
  });
}

/** Resolves with the exit code once `child` has exited. */
export function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/**
 * The environment of a new account `username`, registered at `directoryUrl`
 * with `password` by `ferry-peer register`, its state kept in `home`.
 */
export async function registeredUserEnv(
  username: string,
  directoryUrl: string,
  password: string,
  home: string,
): Promise<NodeJS.ProcessEnv> {
  const env = {
    FERRY_DIRECTORY: directoryUrl,
    FERRY_PASSWORD: password,
    FERRY_HOME: home,
    FERRY_USER: username,
  };
  const registered = await runPeerCli(['register'], env);
  if (registered.status !== 0) {
    throw new Error(`register ${username}: ${registered.stderr}`);
  }
  return env;
}

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root, for locating the programs' bin scripts. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Each program's name and the bin script that runs it. */
export const PROGRAMS = {
  ferry: 'packages/tui/bin/ferry.js',
  'ferry-peer': 'packages/peer-core/bin/ferry-peer.js',
  'ferry-directory': 'packages/directory/bin/ferry-directory.js',
} as const;

export type ProgramName = keyof typeof PROGRAMS;

export interface ProgramResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one of Ferry's programs to completion with no standard input. */
export function runProgramSync(
  name: ProgramName,
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): ProgramResult {
  const result = spawnSync(process.execPath, [PROGRAMS[name], ...args], {
    cwd: REPO_ROOT,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 20_000,
  });
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
  };
}

import { spawn } from 'node:child_process';
import { REPO_ROOT } from './programs.js';

export interface NodeProgramResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `program` (ES module source) as `node [flags] -e program [args]`
 * from `test/`, so it resolves the workspace packages. A process still
 * running after `killAfterMs` is killed (and the caller's checks fail).
 */
export async function runNodeProgram(
  program: string,
  args: readonly string[],
  options: { flags?: readonly string[]; killAfterMs?: number } = {},
): Promise<NodeProgramResult> {
  const child = spawn(
    process.execPath,
    [...(options.flags ?? []), '--input-type=module', '-e', program, ...args],
    { cwd: `${REPO_ROOT}test`, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(
    () => child.kill('SIGKILL'),
    options.killAfterMs ?? 45_000,
  );
  const code = await new Promise<number | null>((resolve) =>
    child.on('exit', (exitCode) => resolve(exitCode)),
  );
  clearTimeout(timer);
  return { code, stdout, stderr };
}

/**
 * Node options for our worker threads: the parent's, minus those a worker
 * refuses (`--input-type`, `-e`/`--eval`, `-p`/`--print`), which a parent
 * started as `node --input-type=module -e …` would otherwise pass on.
 */
export function workerExecArgv(): string[] {
  const refused = /^(--input-type|--eval|-e|--print|-p)(=|$)/;
  const argv: string[] = [];
  const parent = process.execArgv;
  for (let i = 0; i < parent.length; i++) {
    const arg = parent[i] ?? '';
    if (!refused.test(arg)) argv.push(arg);
    else if (!arg.includes('=') && /^(-e|--eval|-p|--print)$/.test(arg)) i++;
  }
  return argv;
}

/**
 * Node options that decide how a worker loads code, with whether each
 * takes its value as the next argument when not written `--flag=value`.
 */
const PASSED_ON = new Map<string, boolean>([
  ['--conditions', true],
  ['-C', true],
  ['--import', true],
  ['--require', true],
  ['-r', true],
  ['--loader', true],
  ['--experimental-loader', true],
  ['--enable-source-maps', false],
  ['--no-warnings', false],
]);

/**
 * Node options for our worker threads: those of `parent` (the process's)
 * that decide how code loads: conditions, loaders, preloads, source maps.
 * Everything else stays out: a worker refuses V8 options (the `ferry`
 * program starts node with some; they apply to every thread anyway) and
 * `--input-type`, `-e` or `-p`, which a parent started as
 * `node --input-type=module -e …` has.
 */
export function workerExecArgv(
  parent: readonly string[] = process.execArgv,
): string[] {
  const argv: string[] = [];
  for (let i = 0; i < parent.length; i++) {
    const arg = parent[i] ?? '';
    const [flag = '', value] = arg.split(/=(.*)/s);
    const takesNext = PASSED_ON.get(flag);
    if (takesNext === undefined) continue;
    argv.push(arg);
    if (takesNext && value === undefined && i + 1 < parent.length) {
      argv.push(parent[++i] ?? '');
    }
  }
  return argv;
}

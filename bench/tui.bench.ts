// `pnpm bench tui`: time from a keypress to the next frame with 10,000 rows
// in the Files pane, against 50 rows measured in the same run, and the RSS
// of a plain Node process running the TUI with the V8 flags of the `ferry`
// bin's shebang (and, as a baseline, without them). Goal (issue 6): ≤ 50 ms,
// ≤ 150 MB.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { shebangFlags } from './shebang-flags.js';

const PRESSES = 300;
const MB = 1024 * 1024;
const PROBE = fileURLToPath(new URL('./tui-probe.js', import.meta.url));
const BIN = new URL('../packages/tui/bin/ferry.js', import.meta.url);

interface Probe {
  times: number[];
  rss: number;
  rssAfterGc: number;
  last: boolean;
}

async function probe(rows: number, flags: string[]): Promise<Probe> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [...flags, '--expose-gc', PROBE, String(rows), String(PRESSES)],
    {
      cwd: import.meta.dirname,
      env: { ...process.env, NODE_ENV: 'production' },
      timeout: 120_000,
    },
  );
  const result = JSON.parse(stdout) as Probe;
  result.times.sort((a, b) => a - b);
  return result;
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

function line(name: string, p: Probe): string {
  const ms = (q: number) => `${quantile(p.times, q).toFixed(1)} ms`;
  return (
    `${name.padEnd(12)} p50 ${ms(0.5)}  p95 ${ms(0.95)}  max ${ms(1)}  ` +
    `RSS ${(p.rss / MB).toFixed(0)} MB (${(p.rssAfterGc / MB).toFixed(0)} MB after GC)`
  );
}

export async function run(): Promise<void> {
  const flags = shebangFlags(BIN);
  const small = await probe(50, flags);
  const large = await probe(10_000, flags);
  const bare = await probe(10_000, []);
  if (!small.last || !large.last || !bare.last) {
    throw new Error('G did not show a row');
  }
  const ratio = quantile(large.times, 0.5) / quantile(small.times, 0.5);
  const p95 = quantile(large.times, 0.95);
  process.stdout.write(
    [
      `keypress (j/k) → next frame, ${PRESSES} presses after as many warm-up`,
      `V8 flags from the ferry bin: ${flags.join(' ') || '(none)'}`,
      line('50 rows', small),
      line('10,000 rows', large),
      line('no flags', bare) + '  (10,000 rows, plain `node`)',
      `p50 ratio 10,000 rows / 50 rows: ${ratio.toFixed(2)}×`,
      `RSS after GC, 10,000 rows minus 50 rows: ` +
        `${((large.rssAfterGc - small.rssAfterGc) / MB).toFixed(0)} MB`,
      `RSS after GC, 10,000 rows, bin flags / no flags: ` +
        `${(large.rssAfterGc / bare.rssAfterGc).toFixed(2)}×`,
      `goal p95 ≤ 50 ms: ${p95 <= 50 ? 'met' : 'NOT met'}; ` +
        `goal RSS ≤ 150 MB (after GC): ` +
        `${large.rssAfterGc <= 150 * MB ? 'met' : 'NOT met'}`,
      '',
    ].join('\n'),
  );
}

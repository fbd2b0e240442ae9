// `pnpm bench [NAME...]`: runs the benchmarks in this folder, each a
// `NAME.bench.ts` module exporting `run(): Promise<void>` that prints its own
// figures as ratios against a baseline measured in the same run.
import { readdirSync } from 'node:fs';

interface BenchModule {
  run(): Promise<void>;
}

const SUFFIX = '.bench.ts';
const available = readdirSync(import.meta.dirname)
  .filter((file) => file.endsWith(SUFFIX))
  .map((file) => file.slice(0, -SUFFIX.length))
  .sort();

const wanted = process.argv.slice(2).filter((arg) => arg !== '--');
const unknown = wanted.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  process.stderr.write(
    `unknown benchmark: ${unknown.join(', ')}\navailable: ${available.join(', ') || '(none)'}\n`,
  );
  process.exit(2);
}

for (const name of wanted.length > 0 ? wanted : available) {
  process.stdout.write(`\n=== bench ${name}\n`);
  const module = (await import(`./${name}${SUFFIX}`)) as BenchModule;
  await module.run();
}

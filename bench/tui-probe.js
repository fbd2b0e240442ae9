// Child process of tui.bench.ts: renders the compiled TUI browsing a peer
// with N files (argv[2]) through ink-testing-library, presses j/k, and
// prints one JSON line: the keypress → frame times and the process RSS
// (as it is, and after a full GC when run with --expose-gc).
// Plain Node (no tsx), so the RSS is the TUI's own.
import { performance } from 'node:perf_hooks';
import { createElement } from 'react';
import { render } from 'ink-testing-library';
import { App } from '@ferry/tui';
import {
  FakePeerClient,
  MemoryProfileStore,
  sampleFiles,
} from '@ferry/peer-core/testing';

const rows = Number(process.argv[2]);
const presses = Number(process.argv[3]);
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const immediate = () => new Promise((resolve) => setImmediate(resolve));

async function waitUntil(check, what) {
  const deadline = performance.now() + 10_000;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out: ${what}`);
    await immediate();
  }
}

async function latencies(app) {
  const times = [];
  for (let i = 0; i < presses; i += 1) {
    const before = app.frames.length;
    const start = performance.now();
    app.stdin.write(i % 4 < 2 ? 'j' : 'k');
    await waitUntil(() => app.frames.length > before, 'frame');
    times.push(performance.now() - start);
    await pause(2);
  }
  return times;
}

const client = new FakePeerClient({
  tickMs: 0,
  peers: [{ username: 'big', files: sampleFiles(rows, 'big') }],
});
const store = new MemoryProfileStore();
const app = render(
  createElement(App, { store, connect: async () => client, client }),
);
await pause(50);
app.stdin.write('\r');
await waitUntil(
  () =>
    (app.lastFrame() ?? '').includes(`${rows.toLocaleString('en-US')} files`),
  'load',
);
await pause(100);
await latencies(app);
const times = await latencies(app);
app.stdin.write('G');
await pause(100);
const last = (app.lastFrame() ?? '').includes(`big-`);
const rss = process.memoryUsage().rss;
globalThis.gc?.();
const rssAfterGc = process.memoryUsage().rss;
app.unmount();
await client.stop();
process.stdout.write(`${JSON.stringify({ times, rss, rssAfterGc, last })}\n`);

// `pnpm bench transfer`: moves a 1 GiB random file over loopback and prints
// MB/s and peak RSS against baselines measured in the same run: curl from a
// Node `http` static server, a raw TCP copy, and a bare grpc-js stream of
// 1 MiB messages with no hashing (the transport's own ceiling). Second
// case: four sources capped at 50 MB/s each, then the same with one killed
// half-way.
//
// The first part runs in rounds, one download per case each (see
// `measureRounds`), and prints medians. Every server and downloader runs
// in its own process, so each one's peak RSS is its own. Ferry's and the
// bare grpc-js processes run with the node flags of the `ferry-peer`
// program (its shebang line), as a peer does.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { openLocalDb, openShare, type DownloadOptions } from '@ferry/peer-core';
import { shebangFlags } from './shebang-flags.js';

const SIZE = 1024 * 1024 * 1024;
const RUNS = 3;
const CAPPED_SOURCES = 4;
const CAP_BPS = 50e6;
/** Where `@ferry/peer-core` resolves for the children. */
const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));
const MB = 1e6;

/** The node flags of `ferry-peer` (its shebang line). */
const PEER_FLAGS = shebangFlags(
  new URL('../packages/peer-core/bin/ferry-peer.js', import.meta.url),
);

/** The children that run with `PEER_FLAGS`: Ferry's and bare grpc-js's. */
const PEER_ROLES = new Set(['serve', 'get', 'grpc-serve', 'grpc-get']);

interface Child {
  process: ChildProcess;
  line(pattern: RegExp): Promise<RegExpMatchArray>;
  /** Asks the child to exit (stdin closes) and returns its peak RSS. */
  stop(): Promise<number>;
}

/** Starts the child program `role` (see `ROLES`). */
function startChild(role: string, args: string[]): Child {
  const child = spawn(
    process.execPath,
    [
      ...(PEER_ROLES.has(role) ? PEER_FLAGS : []),
      '--input-type=module',
      '-e',
      ROLES[role] ?? '',
      ...args,
    ],
    { cwd: BENCH_DIR, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout });
  const seen: string[] = [];
  const waiters: (() => void)[] = [];
  lines.on('line', (text) => {
    seen.push(text);
    for (const wake of waiters.splice(0)) wake();
  });
  const line = async (pattern: RegExp): Promise<RegExpMatchArray> => {
    for (;;) {
      for (const text of seen) {
        const match = pattern.exec(text);
        if (match) return match;
      }
      if (child.exitCode !== null) throw new Error(`${role} exited early`);
      await new Promise<void>((wake) => waiters.push(wake));
    }
  };
  child.on('exit', () => {
    for (const wake of waiters.splice(0)) wake();
  });
  return {
    process: child,
    line,
    stop: async () => {
      child.stdin.end();
      return Number((await line(/^RSS (\d+)$/))[1]);
    },
  };
}

// The child programs, plain JavaScript run by `node -e` (no transpiler in
// the process, so peak RSS is the program's own). Each prints "RSS <bytes>"
// (its peak) and exits when its stdin closes.
//
// Peak RSS is Linux's VmHWM: getrusage's maxRSS of a child also counts the
// pages of the parent it was forked from (kept across exec), so every child
// seemed to use at least what the benchmark's own process did.
const PEAK_RSS = `
import { readFileSync as readProcFile } from 'node:fs';
const peakRss = () => {
  const status = readProcFile('/proc/self/status', 'utf8');
  return Number(/VmHWM:\\s+(\\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
};`;

const ON_STDIN_END = `${PEAK_RSS}
const exitWhenStdinCloses = (cleanUp) => {
  process.stdin.resume();
  process.stdin.on('end', async () => {
    await cleanUp();
    process.stdout.write('RSS ' + peakRss() + '\\n');
    process.exit(0);
  });
};`;

// A one-method gRPC service moving raw bytes (no protobuf), for the
// bare-gRPC baseline.
const RAW_SERVICE = `
const raw = (value) => value;
const service = { Get: { path: '/bench.Raw/Get', requestStream: false, responseStream: true,
  requestSerialize: raw, requestDeserialize: raw, responseSerialize: raw, responseDeserialize: raw } };`;

const ROLES: Record<string, string> = {
  serve: `${ON_STDIN_END}
import { join } from 'node:path';
import { openLocalDb, openShare, startPeerServer } from '@ferry/peer-core';
const [root, stateDir, rate] = process.argv.slice(1);
const db = openLocalDb(join(stateDir, 'local.db'));
const share = await openShare({ root, db });
await share.scan();
const server = await startPeerServer({
  share, username: 'bench', version: '0', listen: '127.0.0.1:0',
  uploadRateBps: rate === undefined ? undefined : Number(rate),
});
process.stdout.write('READY ' + server.port + '\\n');
exitWhenStdinCloses(async () => { await server.close(100); await share.close(); db.close(); });`,

  // The downloader imports the download engine alone, as a process that
  // only downloads would (the main entry also loads the directory client,
  // profile store and logger: ~22 MiB more).
  get: `${PEAK_RSS}
import { download, loadPeerProto, TransferEvent } from '@ferry/peer-core/transfer';
const options = JSON.parse(process.argv[1]);
// A running peer has gRPC and the proto loaded (it serves its share):
// load them before the clock starts.
loadPeerProto();
const started = performance.now();
const transfer = download(options);
const onProgress = (progress) => {
  if (progress.bytesDone < options.size / 2) return;
  process.stdout.write('HALF\\n');
  transfer.off(TransferEvent.Progress, onProgress);
};
transfer.on(TransferEvent.Progress, onProgress);
await transfer.done;
const ms = performance.now() - started;
process.stdout.write('DONE ' + ms + ' ' + peakRss() + '\\n');`,

  http: `${ON_STDIN_END}
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
const [file] = process.argv.slice(1);
const server = createServer((request, response) => {
  response.writeHead(200, { 'content-length': statSync(file).size });
  createReadStream(file, { highWaterMark: 1024 * 1024 }).pipe(response);
});
server.listen(0, '127.0.0.1', () => process.stdout.write('READY ' + server.address().port + '\\n'));
exitWhenStdinCloses(async () => server.close());`,

  tcp: `${ON_STDIN_END}
import { createReadStream } from 'node:fs';
import { createServer } from 'node:net';
const [file] = process.argv.slice(1);
const server = createServer((socket) => createReadStream(file, { highWaterMark: 1024 * 1024 }).pipe(socket));
server.listen(0, '127.0.0.1', () => process.stdout.write('READY ' + server.address().port + '\\n'));
exitWhenStdinCloses(async () => server.close());`,

  'grpc-serve': `${ON_STDIN_END}
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import * as grpc from '@grpc/grpc-js';
${RAW_SERVICE}
const [file] = process.argv.slice(1);
const server = new grpc.Server();
server.addService(service, {
  Get: (call) => {
    const fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    const free = [Buffer.allocUnsafe(1 << 20), Buffer.allocUnsafe(1 << 20)];
    let position = 0;
    let ended = false;
    const pump = () => {
      while (free.length > 0 && position < size) {
        const buffer = free.pop();
        const read = readSync(fd, buffer, 0, buffer.length, position);
        position += read;
        call.write(buffer.subarray(0, read), () => { free.push(buffer); pump(); });
      }
      if (position >= size && !ended) { ended = true; closeSync(fd); call.end(); }
    };
    pump();
  },
});
server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, port) =>
  process.stdout.write('READY ' + port + '\\n'));
exitWhenStdinCloses(async () => server.forceShutdown());`,

  'grpc-get': `${PEAK_RSS}
import { closeSync, openSync, writeSync } from 'node:fs';
import * as grpc from '@grpc/grpc-js';
${RAW_SERVICE}
const [port, out] = process.argv.slice(1);
const Client = grpc.makeGenericClientConstructor(service);
const client = new Client('127.0.0.1:' + port, grpc.credentials.createInsecure(), {
  'grpc-node.flow_control_window': 4 * 1024 * 1024,
  'grpc.max_receive_message_length': -1,
});
const fd = openSync(out, 'w');
let position = 0;
const started = performance.now();
const call = client.Get(Buffer.alloc(0));
call.on('data', (chunk) => { writeSync(fd, chunk, 0, chunk.length, position); position += chunk.length; });
call.on('end', () => {
  closeSync(fd);
  const ms = performance.now() - started;
  process.stdout.write('DONE ' + ms + ' ' + peakRss() + '\\n');
  client.close();
});`,

  'tcp-get': `${PEAK_RSS}
import { closeSync, openSync, writeSync } from 'node:fs';
import { connect } from 'node:net';
const [port, out] = process.argv.slice(1);
const fd = openSync(out, 'w');
const started = performance.now();
const socket = connect(Number(port), '127.0.0.1');
socket.on('data', (chunk) => writeSync(fd, chunk));
socket.on('end', () => {
  closeSync(fd);
  const ms = performance.now() - started;
  process.stdout.write('DONE ' + ms + ' ' + peakRss() + '\\n');
});`,
};

/** Writes `SIZE` random bytes to `path`. */
async function writeRandomFile(path: string): Promise<void> {
  const handle = await open(path, 'w');
  for (let written = 0; written < SIZE; written += 16 * 1024 * 1024) {
    await handle.write(randomBytes(16 * 1024 * 1024));
  }
  // On disk now, not ~30 s later (the kernel's writeback delay), in the
  // middle of whichever case runs then.
  await handle.datasync();
  await handle.close();
}

const mbps = (ms: number): number => SIZE / MB / (ms / 1000);
const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/**
 * One case of the first part: a server kept running, and one download of
 * the file per call to `download`.
 */
interface Case {
  label: string;
  download(): Promise<{ ms: number; rss?: number }>;
  /** Stops the server and returns its peak RSS. */
  stop(): Promise<number>;
}

async function curlCase(file: string, out: string): Promise<Case> {
  const server = startChild('http', [file]);
  const port = (await server.line(/^READY (\d+)$/))[1] ?? '';
  return {
    label: 'curl ← Node http server',
    download: async () => {
      const started = performance.now();
      const result = spawnSync('curl', [
        '-sS',
        '-o',
        out,
        `http://127.0.0.1:${port}/`,
      ]);
      if (result.status !== 0)
        throw new Error(`curl failed: ${String(result.stderr)}`);
      const ms = performance.now() - started;
      await rm(out, { force: true });
      return { ms };
    },
    stop: () => server.stop(),
  };
}

/**
 * A baseline pair of child programs: `roles.server` serves `file`, and each
 * download starts `roles.client`, which copies it to `out`.
 */
async function pairCase(
  label: string,
  roles: { server: string; client: string },
  file: string,
  out: string,
): Promise<Case> {
  const server = startChild(roles.server, [file]);
  const port = (await server.line(/^READY (\d+)$/))[1] ?? '';
  return {
    label,
    download: async () => {
      const client = startChild(roles.client, [port, out]);
      const [, ms, rss] = await client.line(/^DONE (\S+) (\d+)$/);
      await client.stop().catch(() => 0);
      await rm(out, { force: true });
      return { ms: Number(ms), rss: Number(rss) };
    },
    stop: () => server.stop(),
  };
}

/**
 * Runs every case once per round, `RUNS` rounds, so a slow spell of the
 * shared machine falls on all of them alike rather than on whichever case
 * ran then; prints each case's median and returns its MB/s.
 */
async function measureRounds(cases: Case[]): Promise<number[]> {
  const runs = cases.map((one) => ({ one, times: [] as number[], rss: 0 }));
  for (let round = 0; round < RUNS; round++) {
    for (const run of runs) {
      const { ms, rss = 0 } = await run.one.download();
      run.times.push(ms);
      run.rss = Math.max(run.rss, rss);
    }
  }
  const speeds: number[] = [];
  for (const { one, times, rss } of runs) {
    const server = await one.stop();
    const client = rss > 0 ? rss : undefined;
    speeds.push(report(one.label, median(times), { server, client }));
    process.stdout.write(
      `  rounds: ${times.map((ms) => mbps(ms).toFixed(0)).join(', ')} MB/s\n`,
    );
  }
  return speeds;
}

function report(
  label: string,
  ms: number,
  rss: { server?: number; client?: number },
): number {
  const memory = [
    rss.server === undefined ? '' : `server ${mib(rss.server)}`,
    rss.client === undefined ? '' : `client ${mib(rss.client)}`,
  ]
    .filter(Boolean)
    .join(', ');
  process.stdout.write(
    `${label.padEnd(38)} ${mbps(ms).toFixed(0).padStart(6)} MB/s  ${(ms / 1000).toFixed(2)} s  peak RSS ${memory}\n`,
  );
  return mbps(ms);
}

interface Fixture {
  base: string;
  root: string;
  sha256: string;
  piecesRoot: string;
  /** A hash-cache database ready to copy, so sources skip hashing. */
  dbFile: string;
}

async function prepare(): Promise<Fixture> {
  const base = await mkdtemp(join(tmpdir(), 'ferry-bench-'));
  const root = join(base, 'share');
  await mkdir(root);
  await writeRandomFile(join(root, 'random.bin'));
  const dbFile = join(base, 'seed', 'local.db');
  const db = openLocalDb(dbFile);
  const share = await openShare({ root, db });
  const started = performance.now();
  await share.scan();
  const hashMs = performance.now() - started;
  const [entry] = share.files();
  await share.close();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  if (entry === undefined) throw new Error('the share is empty');
  process.stdout.write(
    `hashing the share (1 read, worker thread): ${mbps(hashMs).toFixed(0)} MB/s\n`,
  );
  return {
    base,
    root,
    dbFile,
    sha256: entry.sha256,
    piecesRoot: entry.piecesRoot,
  };
}

async function startSources(
  fixture: Fixture,
  count: number,
  rate?: number,
): Promise<{ children: Child[]; ports: number[] }> {
  const children: Child[] = [];
  for (let i = 0; i < count; i++) {
    const stateDir = await mkdtemp(join(fixture.base, 'state-'));
    await copyFile(fixture.dbFile, join(stateDir, 'local.db'));
    const args = [fixture.root, stateDir];
    children.push(
      startChild('serve', rate === undefined ? args : [...args, String(rate)]),
    );
  }
  const ports = await Promise.all(
    children.map(async (child) =>
      Number((await child.line(/^READY (\d+)$/))[1]),
    ),
  );
  return { children, ports };
}

async function runDownload(
  fixture: Fixture,
  ports: number[],
  onHalf?: () => Promise<void>,
): Promise<{ ms: number; rss: number }> {
  const dir = await mkdtemp(join(fixture.base, 'dl-'));
  const options: DownloadOptions = {
    sha256: fixture.sha256,
    piecesRoot: fixture.piecesRoot,
    size: SIZE,
    sources: ports.map((port) => ({ host: '127.0.0.1', port })),
    dir,
    name: 'random.bin',
  };
  const client = startChild('get', [JSON.stringify(options)]);
  if (onHalf) {
    await client.line(/^HALF$/);
    await onHalf();
  }
  const [, ms, rss] = await client.line(/^DONE (\S+) (\d+)$/);
  const written = await stat(join(dir, 'random.bin'));
  if (written.size !== SIZE) throw new Error('the download is incomplete');
  await client.stop().catch(() => 0);
  await rm(dir, { recursive: true, force: true });
  return { ms: Number(ms), rss: Number(rss) };
}

async function ferryCase(fixture: Fixture): Promise<Case> {
  const { children, ports } = await startSources(fixture, 1);
  return {
    label: 'ferry gRPC, 1 source, verified',
    download: () => runDownload(fixture, ports),
    stop: async () => (await children[0]?.stop()) ?? 0,
  };
}

async function measureCapped(fixture: Fixture): Promise<void> {
  const sum = (CAPPED_SOURCES * CAP_BPS) / MB;
  const all = await startSources(fixture, CAPPED_SOURCES, CAP_BPS);
  const full = await runDownload(fixture, all.ports);
  const fullMbps = report(
    `ferry, ${CAPPED_SOURCES} sources @ ${CAP_BPS / MB} MB/s`,
    full.ms,
    { client: full.rss },
  );
  process.stdout.write(
    `  = ${(fullMbps / sum).toFixed(2)}× their sum (${sum} MB/s; goal ≥ 0.9×)\n`,
  );
  const killed = await runDownload(fixture, all.ports, async () => {
    all.children[0]?.process.kill('SIGKILL');
    await Promise.resolve();
  });
  const killedMbps = report(
    'ferry, same, one source killed half-way',
    killed.ms,
    { client: killed.rss },
  );
  process.stdout.write(
    `  = ${((killed.ms / full.ms - 1) * 100).toFixed(0)}% slower than with all four (${(killedMbps / fullMbps).toFixed(2)}× the speed)\n`,
  );
  await Promise.all(all.children.slice(1).map((child) => child.stop()));
}

/** Runs the benchmark (called by `bench/run.ts`). */
export async function run(): Promise<void> {
  if (spawnSync('curl', ['--version']).status !== 0) {
    throw new Error('curl is needed for the baseline (apt-get install curl)');
  }
  process.stdout.write(
    `file: ${mib(SIZE)} of random bytes, loopback, ${RUNS} rounds of one run per case (median)\n`,
  );
  process.stdout.write(
    `Ferry and bare grpc-js run with ferry-peer's node flags: ${PEER_FLAGS.join(' ') || '(none)'}\n`,
  );
  const fixture = await prepare();
  try {
    const out = join(fixture.base, 'baseline.out');
    const file = join(fixture.root, 'random.bin');
    const [curl = NaN, tcp = NaN, grpc = NaN, ferry = NaN] =
      await measureRounds([
        await curlCase(file, out),
        await pairCase(
          'raw TCP copy (Node)',
          { server: 'tcp', client: 'tcp-get' },
          file,
          out,
        ),
        await pairCase(
          'bare grpc-js stream, no hashing',
          { server: 'grpc-serve', client: 'grpc-get' },
          file,
          out,
        ),
        await ferryCase(fixture),
      ]);
    process.stdout.write(
      `  = ${(ferry / curl).toFixed(2)}× curl (goal ≥ 0.5×), ${(ferry / tcp).toFixed(2)}× raw TCP, ${(ferry / grpc).toFixed(2)}× bare grpc-js\n`,
    );
    await measureCapped(fixture);
  } finally {
    await rm(fixture.base, { recursive: true, force: true });
  }
}

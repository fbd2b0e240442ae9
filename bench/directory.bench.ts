// `pnpm bench directory`: 10,000 peers and 1,000,000 files with Zipf-like
// names. Most peers are seeded through the store (many peers per
// transaction, to keep the run short); the index upload is measured on the
// real HTTP route (`inject`): small per-peer PUTs and one PUT of 100,000
// entries. Then search latency in-process (uniform and common-word
// queries) against a linear scan over an in-memory list (the prototype's
// approach), searches/s and heartbeats/s over real HTTP with autocannon
// (in a child process, so the client does not share the server's thread).
// Knobs: DIRECTORY_BENCH_PEERS (10,000), DIRECTORY_BENCH_FILES_PER_PEER
// (100), DIRECTORY_BENCH_HTTP_SECONDS (10).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { App, FileEntry } from '@ferry/directory';
import { SqliteStore, buildApp } from '@ferry/directory';

const VOCABULARY = 20_000;
const EXTENSIONS = ['mp3', 'flac', 'mkv', 'mp4', 'pdf', 'epub', 'jpg', 'zip'];
const QUERIES = 1000;
const COMMON_QUERIES = 200;
const COMMON_WORDS = 30;
const BASELINE_QUERIES = 40;
const HTTP_UPLOAD_PEERS = 100;
const BIG_UPLOAD = 100_000;
const SEED_BATCH = 200;
const CONNECTIONS = 50;
const CACHE_NOTE = '1,024 searches, cleared by any write a search reads';
/** File sizes are uniform below 4 GB: a filter this share passes. */
const MAX_FILE_SIZE = 4e9;
const SIZED_SHARE = 0.1;
const SIZED_MIN = MAX_FILE_SIZE * (1 - SIZED_SHARE);

interface Scale {
  peers: number;
  perPeer: number;
  httpSeconds: number;
}

function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${name} must be a positive integer`);
  }
  return value;
}

function scaleFromEnv(): Scale {
  return {
    peers: Math.max(
      HTTP_UPLOAD_PEERS + 1,
      envNumber('DIRECTORY_BENCH_PEERS', 10_000),
    ),
    perPeer: envNumber('DIRECTORY_BENCH_FILES_PER_PEER', 100),
    httpSeconds: envNumber('DIRECTORY_BENCH_HTTP_SECONDS', 10),
  };
}

function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function percentile(sorted: readonly number[], p: number): number {
  return (
    sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0
  );
}

const hex = (s: string): string => createHash('sha256').update(s).digest('hex');

interface CatalogItem {
  name: string;
  sha256: string;
  piecesRoot: string;
  size: number;
}

/** Words with a Zipf-like spread, a catalog of files named from them. */
class Corpus {
  readonly rnd = rng(42);
  readonly vocab: string[];
  readonly catalog: CatalogItem[];
  private readonly cumulative: number[] = [];

  constructor(files: number) {
    this.vocab = Array.from({ length: VOCABULARY }, () => this.word());
    const total = this.vocab.reduce((sum, _w, i) => sum + 1 / (i + 1), 0);
    let acc = 0;
    this.vocab.forEach((_w, i) =>
      this.cumulative.push((acc += 1 / (i + 1) / total)),
    );
    const size = Math.max(1000, Math.floor(files / 3));
    this.catalog = Array.from({ length: size }, (_v, i) => this.item(i));
  }

  /** `count` entries for one peer, popular catalog items more likely. */
  files(peer: number, count: number, now: number): FileEntry[] {
    return Array.from({ length: count }, (_v, j) => {
      const at = Math.floor(this.rnd() ** 2 * this.catalog.length);
      const item = this.catalog[at] ?? this.catalog[0];
      if (item === undefined) throw new Error('empty catalog');
      return { ...item, path: `p${peer}/d${j}/${item.name}`, mtimeMs: now };
    });
  }

  /** One or two words drawn uniformly from the vocabulary. */
  uniformQuery(): string[] {
    return Array.from({ length: this.rnd() < 0.5 ? 1 : 2 }, () =>
      this.pick(this.vocab.length),
    );
  }

  /** One or two of the most frequent words. */
  commonQuery(): string[] {
    return Array.from({ length: this.rnd() < 0.5 ? 1 : 2 }, () =>
      this.pick(COMMON_WORDS),
    );
  }

  private pick(range: number): string {
    return this.vocab[Math.floor(this.rnd() * range)] ?? 'x';
  }

  private word(): string {
    return Array.from({ length: 3 + Math.floor(this.rnd() * 7) }, () =>
      String.fromCharCode(97 + Math.floor(this.rnd() * 26)),
    ).join('');
  }

  private zipfWord(): string {
    const r = this.rnd();
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] ?? 1) < r) lo = mid + 1;
      else hi = mid;
    }
    return this.vocab[lo] ?? 'x';
  }

  private item(i: number): CatalogItem {
    const words = Array.from({ length: 1 + Math.floor(this.rnd() * 5) }, () =>
      this.zipfWord(),
    );
    return {
      name: `${words.join(' ')}.${EXTENSIONS[i % EXTENSIONS.length] ?? 'bin'}`,
      sha256: hex(`c${i}`),
      piecesRoot: hex(`p${i}`),
      size: Math.floor(this.rnd() * MAX_FILE_SIZE),
    };
  }
}

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

const rate = (count: number, ms: number): string =>
  Math.round(count / (ms / 1000)).toLocaleString('en-US');

/** What the searches are compared against: every name, lower-cased. */
type NameList = { name: string; sha256: string }[];

interface Bench {
  scale: Scale;
  corpus: Corpus;
  store: SqliteStore;
  app: App;
  now: number;
  /** The database file, for a second store over it. */
  file: string;
  names: NameList;
}

function remember(names: NameList, files: readonly FileEntry[]): void {
  for (const f of files) {
    names.push({ name: f.name.toLowerCase(), sha256: f.sha256 });
  }
}

/** Seeds peers straight through the store, many peers per transaction. */
function seedThroughStore(bench: Bench, peers: number): void {
  const { store, corpus, now, scale } = bench;
  const start = performance.now();
  for (let first = 0; first < peers; first += SEED_BATCH) {
    const last = Math.min(peers, first + SEED_BATCH);
    store.db.transaction(() => {
      for (let u = first; u < last; u += 1) {
        const files = corpus.files(u, scale.perPeer, now);
        remember(bench.names, files);
        seedPeer(store, u, files, now);
      }
    })();
  }
  const ms = performance.now() - start;
  print(
    `seeded ${peers.toLocaleString('en-US')} peers × ${scale.perPeer} files through the store in ${(ms / 1000).toFixed(1)} s (${rate(peers * scale.perPeer, ms)} files/s, ${SEED_BATCH} peers per transaction)`,
  );
}

/** One peer's account, session, announce and index; all synchronous. */
function seedPeer(
  store: SqliteStore,
  u: number,
  files: FileEntry[],
  now: number,
): void {
  const userId = u + 1;
  const tokenHash = Buffer.from(hex(`t${u}`), 'hex');
  const port = 1024 + (u % 60_000);
  void store.createUser({
    username: `seed${u}`,
    passwordHash: 'x',
    createdMs: now,
  });
  void store.createSession({
    userId,
    tokenHash,
    createdMs: now,
    expiresMs: now * 2,
  });
  void store.announce({
    userId,
    sessionId: userId,
    host: '127.0.0.1',
    port,
    nowMs: now,
  });
  void store.replaceIndex(userId, files);
}

async function request(
  app: App,
  method: 'POST' | 'PUT' | 'DELETE',
  url: string,
  body: unknown,
  token?: string,
): Promise<unknown> {
  const response = await app.inject({
    method,
    url,
    payload: body as object,
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });
  if (response.statusCode >= 300) {
    throw new Error(
      `${method} ${url}: ${response.statusCode} ${response.body}`,
    );
  }
  return response.json();
}

/** Registers, logs in and announces through the app; returns the token. */
async function login(app: App, username: string): Promise<string> {
  const credentials = { username, password: 'bench-password' };
  await request(app, 'POST', '/v1/users', credentials);
  const session = (await request(app, 'POST', '/v1/sessions', credentials)) as {
    token: string;
  };
  await request(app, 'PUT', '/v1/peers/me', { port: 4000 }, session.token);
  return session.token;
}

/** Times `PUT /v1/peers/me/files` (through `inject`); returns files/s. */
async function putIndex(
  app: App,
  token: string,
  files: FileEntry[],
): Promise<number> {
  const start = performance.now();
  await request(app, 'PUT', '/v1/peers/me/files', { files }, token);
  return performance.now() - start;
}

/** The last peers upload their whole index, one PUT each; returns tokens. */
async function uploadOverHttp(bench: Bench, first: number): Promise<string[]> {
  const { app, corpus, scale, now } = bench;
  const tokens: string[] = [];
  let ms = 0;
  for (let u = first; u < scale.peers; u += 1) {
    const token = await login(app, `peer${u}`);
    const files = corpus.files(u, scale.perPeer, now);
    remember(bench.names, files);
    ms += await putIndex(app, token, files);
    tokens.push(token);
  }
  const count = (scale.peers - first) * scale.perPeer;
  print(
    `index upload, PUT /v1/peers/me/files (inject, ${scale.peers - first} peers × ${scale.perPeer} files into the seeded database): ${rate(count, ms)} files/s`,
  );
  return tokens;
}

/** One peer uploads 100,000 entries in one PUT. */
async function uploadBig(bench: Bench): Promise<void> {
  const token = await login(bench.app, 'bigpeer');
  const files = bench.corpus.files(-1, BIG_UPLOAD, bench.now);
  const ms = await putIndex(bench.app, token, files);
  print(
    `index upload, one PUT of ${BIG_UPLOAD.toLocaleString('en-US')} entries (inject): ${(ms / 1000).toFixed(1)} s, ${rate(BIG_UPLOAD, ms)} files/s`,
  );
}

type Search = (terms: string[]) => unknown;

/** Sorted latencies (ms) of running each query once. */
async function latencies(queries: string[][], f: Search): Promise<number[]> {
  const lat: number[] = [];
  for (const terms of queries) {
    const start = performance.now();
    await f(terms);
    lat.push(performance.now() - start);
  }
  return lat.sort((a, b) => a - b);
}

/** Searches the bench's store, optionally with a size or extension filter. */
function storeSearch(
  bench: Bench,
  filter: { minSize?: number; ext?: string } = {},
): Search {
  return (terms) =>
    bench.store.search({
      terms,
      sinceMs: bench.now - 60_000,
      limit: 51,
      after: null,
      minSize: filter.minSize ?? null,
      maxSize: null,
      ext: filter.ext ?? null,
    });
}

/** The prototype: scan every name, group by sha256, most sources first. */
function linearScan(names: NameList): Search {
  return (terms) => {
    const hits = new Map<string, number>();
    for (const f of names) {
      if (terms.every((t) => f.name.includes(t))) {
        hits.set(f.sha256, (hits.get(f.sha256) ?? 0) + 1);
      }
    }
    return [...hits].sort((a, b) => b[1] - a[1]).slice(0, 51);
  };
}

const ms2 = (value: number): string => `${value.toFixed(2)} ms`;

function describe(label: string, lat: readonly number[]): void {
  print(
    `${label}: p50 ${ms2(percentile(lat, 0.5))}, p99 ${ms2(percentile(lat, 0.99))}, max ${ms2(lat[lat.length - 1] ?? 0)}`,
  );
}

/** How much slower `filtered` is than `plain`, at p50 and p99. */
function printRatio(filtered: readonly number[], plain: readonly number[]) {
  print(
    `  = ${(percentile(filtered, 0.5) / percentile(plain, 0.5)).toFixed(1)}× the p50 without the filter, ${(percentile(filtered, 0.99) / percentile(plain, 0.99)).toFixed(1)}× the p99`,
  );
}

const mean = (values: readonly number[]): number =>
  values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);

async function searchInProcess(
  bench: Bench,
  uniform: string[][],
): Promise<void> {
  const { corpus } = bench;
  const common = Array.from({ length: COMMON_QUERIES }, () =>
    corpus.commonQuery(),
  );
  const ours = await latencies(uniform, storeSearch(bench));
  describe(
    `search in-process, ${uniform.length} uniform one/two-word queries`,
    ours,
  );
  const hot = await latencies(common, storeSearch(bench));
  describe(
    `search in-process, ${common.length} queries of the ${COMMON_WORDS} most common words`,
    hot,
  );
  const sized = await latencies(
    common,
    storeSearch(bench, { minSize: SIZED_MIN }),
  );
  describe(
    `search in-process, the same queries with minSize ${SIZED_MIN / 1e9} GB (~${SIZED_SHARE * 100}% of files pass)`,
    sized,
  );
  printRatio(sized, hot);
  const none = await latencies(common, storeSearch(bench, { ext: 'zzz' }));
  describe(
    'search in-process, the same queries with an extension no file has (every match read)',
    none,
  );
  printRatio(none, hot);
  const sample = uniform.slice(0, BASELINE_QUERIES);
  const base = await latencies(sample, linearScan(bench.names));
  const same = await latencies(sample, storeSearch(bench));
  describe(
    `baseline linear scan over ${bench.names.length.toLocaleString('en-US')} names, first ${sample.length} of the uniform queries`,
    base,
  );
  print(
    `speed-up on those ${sample.length} queries: ${(mean(base) / mean(same)).toFixed(0)}× (mean), ${(percentile(base, 0.5) / percentile(same, 0.5)).toFixed(0)}× (p50); p99 ratio ${(percentile(base, 0.99) / percentile(same, 0.99)).toFixed(0)}×`,
  );
}

interface LoadRequest {
  method: 'GET' | 'PUT';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

interface LoadResult {
  total: number;
  seconds: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

// Runs in a child process (autocannon treats a worker thread as one of its
// own workers): reads the options on stdin, prints the result as JSON.
const LOAD_SCRIPT = `
const autocannon = require('autocannon');
let input = '';
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', async () => {
  const r = await autocannon(JSON.parse(input));
  process.stdout.write(JSON.stringify({
    total: r.requests.total, seconds: r.duration, p50: r.latency.p50,
    p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors,
  }));
});
`;

/** autocannon in a child process, so it does not share the server's core. */
function load(
  url: string,
  requests: LoadRequest[],
  seconds: number,
): Promise<LoadResult> {
  const options = {
    url,
    connections: CONNECTIONS,
    duration: seconds,
    requests,
  };
  const child = spawn(process.execPath, ['-e', LOAD_SCRIPT], {
    cwd: import.meta.dirname,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  child.stdin.end(JSON.stringify(options));
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0) resolve(JSON.parse(output) as LoadResult);
      else reject(new Error(`autocannon exited with ${code}`));
    });
  });
}

function report(label: string, result: LoadResult): void {
  print(
    `${label}, ${CONNECTIONS} connections, ${result.seconds.toFixed(0)} s: ${rate(result.total, result.seconds * 1000)}/s, p50 ${result.p50} ms, p99 ${result.p99} ms (non-2xx ${result.non2xx}, errors ${result.errors})`,
  );
}

/**
 * Searches and heartbeats over HTTP: the searches first on the bench's app,
 * whose store keeps no results (every request runs the search), then on a
 * second app over the same file with the store's default result cache (as
 * `ferry-directory` runs), which also takes the heartbeats.
 */
async function overHttp(
  bench: Bench,
  tokens: string[],
  queries: string[][],
): Promise<void> {
  const uncached = await bench.app.listen({ host: '127.0.0.1', port: 0 });
  const auth = (i: number) => ({
    authorization: `Bearer ${tokens[i % tokens.length] ?? ''}`,
  });
  const searches = queries.map((terms, i) => ({
    method: 'GET' as const,
    path: `/v1/search?q=${encodeURIComponent(terms.join(' '))}`,
    headers: auth(i),
  }));
  const seconds = bench.scale.httpSeconds;
  report(
    `search over HTTP, ${queries.length} queries in turn, no result cache`,
    await load(uncached, searches, seconds),
  );
  const store = new SqliteStore({ file: bench.file });
  const app = buildApp({ store, clock: () => bench.now });
  try {
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    report(
      `search over HTTP, the same queries, result cache (default ${CACHE_NOTE})`,
      await load(url, searches, seconds),
    );
    await heartbeats(url, tokens, seconds);
  } finally {
    await app.close();
    await store.close();
  }
}

async function heartbeats(
  url: string,
  tokens: string[],
  seconds: number,
): Promise<void> {
  const beats = tokens.map((token, i) => ({
    method: 'PUT' as const,
    path: '/v1/peers/me',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ port: 5000 + i }),
  }));
  report(
    'heartbeats over HTTP (PUT /v1/peers/me)',
    await load(url, beats, seconds),
  );
}

export async function run(): Promise<void> {
  const scale = scaleFromEnv();
  const now = Date.now();
  const dir = mkdtempSync(path.join(tmpdir(), 'ferry-bench-directory-'));
  const file = path.join(dir, 'bench.sqlite');
  const store = new SqliteStore({ file, searchCacheSize: 0 });
  const app = buildApp({
    store,
    clock: () => now,
    scrypt: { N: 1024, r: 8, p: 1 },
    registerLimitPerIp: { points: 1e6, durationSeconds: 60 },
  });
  try {
    const corpus = new Corpus(scale.peers * scale.perPeer);
    const bench: Bench = { scale, corpus, store, app, now, file, names: [] };
    const viaStore = scale.peers - HTTP_UPLOAD_PEERS;
    seedThroughStore(bench, viaStore);
    const tokens = await uploadOverHttp(bench, viaStore);
    const queries = Array.from({ length: QUERIES }, () =>
      corpus.uniformQuery(),
    );
    await searchInProcess(bench, queries);
    await overHttp(bench, tokens, queries);
    await uploadBig(bench);
  } finally {
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

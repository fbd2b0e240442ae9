// `pnpm bench directory`: seeds peers and files with Zipf-distributed names
// through the store, then measures index upload, in-process search latency
// against a linear-scan baseline, and heartbeats. DIRECTORY_BENCH_PEERS and
// DIRECTORY_BENCH_FILES_PER_PEER scale it (defaults 10,000 × 100).
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FileEntry } from '@ferry/directory';
import { SqliteStore } from '@ferry/directory';

function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function percentile(sorted: number[], p: number): number {
  return (
    sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0
  );
}

export async function run(): Promise<void> {
  const peers = Number(process.env['DIRECTORY_BENCH_PEERS'] ?? 10_000);
  const perPeer = Number(process.env['DIRECTORY_BENCH_FILES_PER_PEER'] ?? 100);
  const rnd = rng(42);
  const vocab = Array.from({ length: 20_000 }, () =>
    Array.from({ length: 3 + Math.floor(rnd() * 7) }, () =>
      String.fromCharCode(97 + Math.floor(rnd() * 26)),
    ).join(''),
  );
  const cum: number[] = [];
  let acc = 0;
  const total = vocab.reduce((sum, _w, i) => sum + 1 / (i + 1), 0);
  vocab.forEach((_w, i) => cum.push((acc += 1 / (i + 1) / total)));
  const zipf = (): string => {
    const r = rnd();
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cum[mid] ?? 1) < r) lo = mid + 1;
      else hi = mid;
    }
    return vocab[lo] ?? 'x';
  };
  const exts = [
    'mp3',
    'flac',
    'mkv',
    'mp4',
    'pdf',
    'epub',
    'jpg',
    'zip',
    'iso',
    'txt',
  ];
  const hex = (s: string) => createHash('sha256').update(s).digest('hex');
  const catalogSize = Math.max(1000, Math.floor((peers * perPeer) / 3));
  const catalog = Array.from({ length: catalogSize }, (_v, i) => ({
    name: `${Array.from({ length: 1 + Math.floor(rnd() * 5) }, zipf).join(' ')}.${exts[i % exts.length] ?? 'bin'}`,
    sha256: hex(`c${i}`),
    piecesRoot: hex(`p${i}`),
    size: Math.floor(rnd() * 4e9),
  }));
  const dir = mkdtempSync(path.join(tmpdir(), 'ferry-bench-directory-'));
  const store = new SqliteStore({ file: path.join(dir, 'bench.sqlite') });
  const now = Date.now();
  const byName: { name: string; sha256: string }[] = [];
  let uploadMs = 0;
  for (let u = 0; u < peers; u += 1) {
    await store.createUser({
      username: `peer${u}`,
      passwordHash: 'x',
      createdMs: now,
    });
    await store.createSession({
      userId: u + 1,
      tokenHash: randomBytes(32),
      createdMs: now,
      expiresMs: now * 2,
    });
    await store.announce({
      userId: u + 1,
      sessionId: u + 1,
      host: '127.0.0.1',
      port: 1024 + (u % 60000),
      nowMs: now,
    });
    const files: FileEntry[] = Array.from({ length: perPeer }, (_v, j) => {
      const c = catalog[Math.floor(rnd() ** 2 * catalogSize)] ?? catalog[0]!;
      byName.push({ name: c.name.toLowerCase(), sha256: c.sha256 });
      return { ...c, path: `d${j}/${c.name}`, mtimeMs: now };
    });
    const start = performance.now();
    await store.replaceIndex(u + 1, files);
    uploadMs += performance.now() - start;
  }
  const filesTotal = peers * perPeer;
  process.stdout.write(
    `seeded ${peers} peers × ${perPeer} files: upload ${Math.round(filesTotal / (uploadMs / 1000))} files/s (per-peer PUTs)\n`,
  );
  const queries = Array.from({ length: 1000 }, () =>
    Array.from(
      { length: rnd() < 0.5 ? 1 : 2 },
      () => vocab[Math.floor(rnd() * vocab.length)] ?? 'x',
    ),
  );
  const timeSearch = async (f: (terms: string[]) => unknown) => {
    const lat: number[] = [];
    for (const terms of queries) {
      const start = performance.now();
      await f(terms);
      lat.push(performance.now() - start);
    }
    return lat.sort((a, b) => a - b);
  };
  const ours = await timeSearch((terms) =>
    store.search({
      terms,
      sinceMs: now - 60_000,
      limit: 51,
      after: null,
      minSize: null,
      maxSize: null,
      ext: null,
    }),
  );
  const baseline = await timeSearch((terms) => {
    const hits = new Map<string, number>();
    for (const f of byName) {
      if (terms.every((t) => f.name.includes(t)))
        hits.set(f.sha256, (hits.get(f.sha256) ?? 0) + 1);
    }
    return [...hits].sort((a, b) => b[1] - a[1]).slice(0, 51);
  });
  const p50 = percentile(ours, 0.5);
  const p99 = percentile(ours, 0.99);
  const b50 = percentile(baseline, 0.5);
  process.stdout.write(
    `search in-process (1,000 uniform one/two-word queries): p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms\n`,
  );
  process.stdout.write(
    `baseline linear scan: p50 ${b50.toFixed(2)} ms, p99 ${percentile(baseline, 0.99).toFixed(2)} ms → ${(b50 / p50).toFixed(0)}× at p50\n`,
  );
  const beats = Math.min(peers, 10_000);
  const start = performance.now();
  for (let i = 0; i < beats; i += 1) {
    await store.announce({
      userId: (i % peers) + 1,
      sessionId: (i % peers) + 1,
      host: '127.0.0.1',
      port: 2000,
      nowMs: now + 1,
    });
  }
  process.stdout.write(
    `heartbeats (store): ${Math.round(beats / ((performance.now() - start) / 1000))}/s\n`,
  );
  process.stdout.write(
    'not measured here yet: HTTP searches/s with autocannon\n',
  );
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

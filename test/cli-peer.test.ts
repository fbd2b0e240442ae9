import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  exitOf,
  runPeerCli,
  spawnPeerCli,
  waitForJsonLine,
} from './helpers/peer-cli.js';
import { aliceAndBobEnvs } from './helpers/peer-cli-envs.js';
import { spawnServe, type ServeProcess } from './helpers/peer-serve.js';
import {
  startTestDirectory,
  type TestDirectory,
} from './helpers/peer-directory.js';
import {
  sha256OfFile,
  TempDirs,
  waitFor,
  writeRandomFile,
} from './helpers/peer-temp.js';

const temp = new TempDirs();
const PASSWORD = 'a long enough password';
/** The serving peer's upload cap, so a download lasts long enough to interrupt. */
const UPLOAD_RATE = 3_000_000;
const BIG = 8 * 1024 * 1024;

let directory: TestDirectory;
let aliceEnv: NodeJS.ProcessEnv;
let bobEnv: NodeJS.ProcessEnv;
let serve: ServeProcess | undefined;
let small: { sha256: string; size: number };
let big: { sha256: string; size: number };

/** Node preload that reports any call of `process.exit` on stderr. */
const EXIT_SPY_MARK = 'test spy: process.exit called';
const EXIT_SPY = [
  `--import=data:text/javascript,${encodeURIComponent(
    `const exit = process.exit.bind(process);
     process.exit = (code) => {
       process.stderr.write(${JSON.stringify(EXIT_SPY_MARK)});
       exit(code);
     };`,
  )}`,
];

const bob = (args: string[], env: NodeJS.ProcessEnv = bobEnv) =>
  runPeerCli([...args, '--user', 'bob'], env);

beforeAll(async () => {
  directory = await startTestDirectory(await temp.make('ferry-dir-'));
  const envs = await aliceAndBobEnvs(temp, directory.url, PASSWORD);
  ({ aliceEnv, bobEnv } = envs);
  const share = envs.aliceShare;
  small = {
    sha256: await writeRandomFile(
      path.join(share, 'small report.pdf'),
      300_000,
    ),
    size: 300_000,
  };
  big = {
    sha256: await writeRandomFile(path.join(share, 'big archive.zip'), BIG),
    size: BIG,
  };
});

afterAll(async () => {
  serve?.child.kill('SIGKILL');
  await directory?.close();
  await temp.cleanup();
});

describe('ferry-peer against a real directory', () => {
  it('registers accounts; a taken name fails with one line and exit 1', async () => {
    const first = await runPeerCli(['register', '--user', 'alice'], aliceEnv);
    expect(first.stdout).toContain('registered alice');
    expect(first.status).toBe(0);
    expect((await bob(['register'])).status).toBe(0);
    const again = await bob(['register']);
    expect(again.status).toBe(1);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(again.stderr).toMatch(/^ferry-peer: register: /);
  });

  it('serves a share and logs its address as JSON', async () => {
    serve = spawnServe(
      [
        '--user',
        'alice',
        '--listen',
        '127.0.0.1:0',
        '--upload-rate',
        String(UPLOAD_RATE),
      ],
      aliceEnv,
    );
    const line = await serve.serving();
    expect(line['address']).toMatch(/^127\.0\.0\.1:\d+$/);
  });

  it('searches as a table and as JSON, logging in once for many calls', async () => {
    const found = await waitFor(async () => {
      const result = await bob(['search', 'report', '--json']);
      const doc = JSON.parse(result.stdout) as {
        results: { sha256: string }[];
      };
      return doc.results.length > 0 ? doc : undefined;
    }, 'the shared file to be indexed');
    expect(found.results).toEqual([
      {
        sha256: small.sha256,
        name: 'small report.pdf',
        size: 300_000,
        sources: 1,
      },
    ]);
    // The saved token serves later calls: no password is needed any more
    const { FERRY_PASSWORD: _unused, ...noPassword } = bobEnv;
    const table = await bob(['search', 'archive'], noPassword);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/NAME\s+SIZE\s+SOURCES\s+SHA256/);
    expect(table.stdout).toContain('big archive.zip');
  });

  it('lists peers and browses one', async () => {
    const peers = JSON.parse((await bob(['peers', '--json'])).stdout) as {
      peers: { username: string }[];
    };
    expect(peers.peers.map((p) => p.username)).toEqual(['alice']);
    const browsed = JSON.parse(
      (await bob(['browse', 'alice', '--json'])).stdout,
    ) as {
      files: { path: string; sha256: string }[];
    };
    expect(browsed.files.map((f) => f.path).sort()).toEqual([
      'big archive.zip',
      'small report.pdf',
    ]);
  });

  it('gets a file by hash into --out and verifies it', async () => {
    const out = await temp.make('ferry-out-');
    const result = await bob(['get', small.sha256, '--out', out, '--json']);
    expect(result.status).toBe(0);
    const last = JSON.parse(
      result.stdout.trim().split('\n').at(-1) ?? '{}',
    ) as {
      event: string;
      path: string;
    };
    expect(last.event).toBe('done');
    expect(last.path).toBe(path.join(out, 'small report.pdf'));
    expect(await sha256OfFile(last.path)).toBe(small.sha256);
  });

  it('every command ends by itself, without process.exit', async () => {
    const out = await temp.make('ferry-out-');
    const commands: [string[], number][] = [
      [['search', 'report', '--json'], 0],
      [['peers', '--json'], 0],
      [['browse', 'alice', '--json'], 0],
      [['get', small.sha256, '--out', out, '--json'], 0],
      [['get', '0'.repeat(64), '--out', out], 1],
      [['search', 'report', '--limit', 'many'], 2],
    ];
    for (const [args, status] of commands) {
      const result = await runPeerCli(
        [...args, '--user', 'bob'],
        bobEnv,
        30_000,
        EXIT_SPY,
      );
      expect(result.stderr).not.toContain(EXIT_SPY_MARK);
      expect({ args, status: result.status }).toEqual({ args, status });
    }
  });

  it('resumes a download interrupted by SIGTERM', async () => {
    const out = await temp.make('ferry-out-');
    // Given a download under way
    const get = spawnPeerCli(
      ['get', big.sha256, '--out', out, '--json', '--user', 'bob'],
      bobEnv,
    );
    let stderr = '';
    get.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await waitForJsonLine(
      get.stdout!,
      (l) => l['event'] === 'progress' && Number(l['bytesDone']) > 0,
    );
    // When it is interrupted, it exits 1 and keeps its partial file
    get.kill('SIGTERM');
    expect(await exitOf(get)).toBe(1);
    expect(stderr).toContain('interrupted; run the same command again');
    expect((await readdir(out)).some((f) => f.endsWith('.part'))).toBe(true);
    // Then running it again fetches only the rest and completes
    const again = await bob(['get', big.sha256, '--out', out, '--json']);
    expect(again.status).toBe(0);
    const last = JSON.parse(again.stdout.trim().split('\n').at(-1) ?? '{}') as {
      path: string;
      bytesFetched: number;
    };
    expect(last.bytesFetched).toBeLessThan(BIG);
    expect(await sha256OfFile(last.path)).toBe(big.sha256);
  });

  it('explains bad flags (exit 2) and a wrong password (exit 1)', async () => {
    const limit = await bob(['search', 'x', '--limit', 'lots']);
    expect(limit.status).toBe(2);
    expect(limit.stderr).toContain(
      "option '--limit <n>' argument 'lots' is invalid",
    );
    const blank = await bob(['search', ' ']);
    expect(blank.status).toBe(2);
    expect(blank.stderr).toContain('a search needs at least one word');
    const listen = await bob(['serve', '--listen', 'nowhere']);
    expect(listen.status).toBe(2);
    expect(listen.stderr).toContain('"nowhere" is not HOST:PORT');
    const hash = await bob(['get', 'not-a-hash']);
    expect(hash.status).toBe(2);
    expect(hash.stderr).toContain('expected a SHA-256 of 64 hex digits');
    const home = await temp.make('ferry-mallory-');
    const wrong = await runPeerCli(['search', 'x', '--user', 'alice'], {
      ...aliceEnv,
      FERRY_HOME: home,
      FERRY_PASSWORD: 'not the password',
    });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/^ferry-peer: login: .+\n$/);
  });

  it('logout forgets the session', async () => {
    const result = await bob(['logout']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('logged out bob');
    const { FERRY_PASSWORD: _unused, ...noPassword } = bobEnv;
    const after = await bob(['search', 'report'], noPassword);
    expect(after.status).toBe(1);
    expect(after.stderr).toContain('a password is needed');
    // --password-file logs in again; a missing file is a clear failure
    const file = path.join(await temp.make('ferry-pw-'), 'password');
    await writeFile(file, `${PASSWORD}\n`, { mode: 0o600 });
    const viaFile = await bob(
      ['search', 'report', '--password-file', file],
      noPassword,
    );
    expect(viaFile.status).toBe(0);
    const missing = await bob(
      ['search', 'report', '--password-file', `${file}.missing`],
      { ...noPassword, FERRY_HOME: await temp.make('ferry-bob2-') },
    );
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(
      /^ferry-peer: cannot read password file .+\n$/,
    );
  });

  it('serve stops cleanly on SIGTERM and leaves the peer list', async () => {
    serve?.child.kill('SIGTERM');
    expect(await exitOf(serve!.child)).toBe(0);
    const peers = JSON.parse((await bob(['peers', '--json'])).stdout) as {
      peers: unknown[];
    };
    expect(peers.peers).toEqual([]);
  });
});

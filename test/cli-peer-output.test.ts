import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DirectoryClient } from '@ferry/peer-core';
import {
  exitOf,
  runPeerCli,
  spawnPeerCli,
  waitForJsonLine,
} from './helpers/peer-cli.js';
import {
  startTestDirectory,
  type TestDirectory,
} from './helpers/peer-directory.js';
import { aliceAndBobEnvs } from './helpers/peer-cli-envs.js';
import { spawnServe, type ServeProcess } from './helpers/peer-serve.js';
import { TempDirs, waitFor, writeRandomFile } from './helpers/peer-temp.js';
import { PROGRAMS, REPO_ROOT } from './helpers/programs.js';
import { TmuxTerminal } from './helpers/tmux.js';

const temp = new TempDirs();
const PASSWORD = 'a long enough password';
/** The serving peer's upload cap, so a download lasts a few seconds. */
const UPLOAD_RATE = 3_000_000;
const BIG = 8 * 1024 * 1024;
/** Names a hostile peer shares: escapes, a bell, a newline, a tab, bidi. */
const EVIL = 'evil\x1b[2J\x1b]0;pwned\x07 title.txt';
const TWO_LINES = 'evil two\nlines\there.txt';
const BIDI = 'evil \u202Etxt.exe';
const SHA = (digit: string) => digit.repeat(64);

let directory: TestDirectory;
let bobEnv: NodeJS.ProcessEnv;
let serve: ServeProcess | undefined;
let big: string;
let terminal: TmuxTerminal | undefined;

const bob = (args: string[], env: NodeJS.ProcessEnv = bobEnv) =>
  runPeerCli([...args, '--user', 'bob'], env);

/** mallory announces herself and an index of hostile names by hand. */
async function startMallory(url: string): Promise<void> {
  const client = new DirectoryClient(url);
  await client.register('mallory', PASSWORD);
  const { token } = await client.login('mallory', PASSWORD);
  await client.announce(token, { host: '127.0.0.1', port: 9 });
  const entry = (name: string, digit: string) => ({
    name,
    path: name,
    size: 1234,
    sha256: SHA(digit),
    piecesRoot: SHA(digit),
    mtimeMs: 0,
  });
  await client.putFiles(token, [
    entry(EVIL, 'a'),
    entry(TWO_LINES, 'b'),
    entry(BIDI, 'c'),
  ]);
}

/** A shell command running ferry-peer in `home` then printing its status. */
function inTerminal(home: string, args: string): string {
  const peer = path.join(REPO_ROOT, PROGRAMS['ferry-peer']);
  return [
    `cd '${REPO_ROOT}' &&`,
    `env -u FERRY_PASSWORD FERRY_HOME='${home}' FERRY_DIRECTORY='${directory.url}'`,
    `node '${peer}' ${args}; echo "EXIT=$?"; sleep 60`,
  ].join(' ');
}

beforeAll(async () => {
  directory = await startTestDirectory(await temp.make('ferry-dir-'), 30_000);
  const envs = await aliceAndBobEnvs(temp, directory.url, PASSWORD);
  const { aliceEnv } = envs;
  bobEnv = envs.bobEnv;
  const share = envs.aliceShare;
  big = await writeRandomFile(path.join(share, 'big archive.zip'), BIG);
  expect(
    (await runPeerCli(['register', '--user', 'alice'], aliceEnv)).status,
  ).toBe(0);
  expect((await bob(['register'])).status).toBe(0);
  serve = spawnServe(
    ['--user', 'alice', '--upload-rate', String(UPLOAD_RATE)],
    aliceEnv,
  );
  await serve.serving();
  await startMallory(directory.url);
  await waitFor(async () => {
    const result = await bob(['search', 'archive', '--json']);
    return result.stdout.includes(big) ? true : undefined;
  }, "alice's file in search results");
});

afterEach(async () => {
  await terminal?.kill();
  terminal = undefined;
});

afterAll(async () => {
  serve?.child.kill('SIGKILL');
  await directory?.close();
  await temp.cleanup();
});

/** Lines of a table printed by ferry-peer, with no unsafe character. */
function expectSafeTable(stdout: string, rows: number): void {
  // eslint-disable-next-line no-control-regex
  expect(stdout).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f\u202e]/);
  expect(stdout.trimEnd().split('\n')).toHaveLength(rows + 1);
}

describe('ferry-peer prints names from the network safely', () => {
  it('search, browse and peers replace escapes, newlines and bidi overrides', async () => {
    // Given mallory shares files whose names hold escapes and newlines
    // When bob searches, browses her and lists peers
    const search = await bob(['search', 'evil']);
    const browse = await bob(['browse', 'mallory']);
    const peers = await bob(['peers']);
    // Then the tables show a placeholder instead and keep one row per file
    expect(search.status).toBe(0);
    expectSafeTable(search.stdout, 3);
    expect(search.stdout).toContain('evil�[2J�]0;pwned� title.txt');
    expect(search.stdout).toContain('evil two�lines�here.txt');
    expect(search.stdout).toContain('evil �txt.exe');
    expect(browse.status).toBe(0);
    expectSafeTable(browse.stdout, 3);
    expect(browse.stdout).toContain('evil�[2J�]0;pwned� title.txt');
    expectSafeTable(peers.stdout, 2);
  });

  it('--json keeps the names exactly', async () => {
    const search = await bob(['search', 'evil', '--json']);
    const names = (
      JSON.parse(search.stdout) as { results: { name: string }[] }
    ).results.map((r) => r.name);
    expect(names.sort()).toEqual([BIDI, EVIL, TWO_LINES].sort());
    const browse = await bob(['browse', 'mallory', '--json']);
    const paths = (
      JSON.parse(browse.stdout) as { files: { path: string }[] }
    ).files.map((f) => f.path);
    expect(paths.sort()).toEqual([BIDI, EVIL, TWO_LINES].sort());
  });
});

describe('ferry-peer with a closed standard output', () => {
  it('browse --json | (closed) ends quietly with 141', async () => {
    // Given bob's output goes to a reader that has already gone
    const child = spawnPeerCli(
      ['browse', 'mallory', '--json', '--user', 'bob'],
      bobEnv,
    );
    child.stdout?.destroy();
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Then it exits like a program killed by SIGPIPE, with nothing on stderr
    expect(await exitOf(child)).toBe(141);
    expect(stderr).toBe('');
  });

  it('get --json | head -1 stops the download, keeps the .part, exits 141', async () => {
    const out = await temp.make('ferry-out-');
    // Given a download under way whose reader takes one line and leaves
    const child = spawnPeerCli(
      ['get', big, '--out', out, '--json', '--user', 'bob'],
      bobEnv,
    );
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await waitForJsonLine(
      child.stdout!,
      (l) => l['event'] === 'progress' && Number(l['bytesDone']) > 0,
    );
    child.stdout?.destroy();
    // Then it stops quietly, as SIGINT would, and keeps the verified pieces
    expect(await exitOf(child)).toBe(141);
    expect(stderr).toBe('');
    const files = await readdir(out);
    expect(files).toContain('big archive.zip.part');
    expect(files).not.toContain('big archive.zip');
  });
});

describe('ferry-peer get shows the time left', () => {
  it('--json progress lines carry etaSeconds', async () => {
    const out = await temp.make('ferry-out-');
    const result = await bob(['get', big, '--out', out, '--json']);
    expect(result.status).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const progress = lines.filter((l) => l['event'] === 'progress');
    expect(progress.length).toBeGreaterThan(0);
    for (const line of progress) expect(line).toHaveProperty('etaSeconds');
    expect(
      progress.some(
        (l) => typeof l['etaSeconds'] === 'number' && l['etaSeconds'] > 0,
      ),
    ).toBe(true);
  });

  it('the progress bar on a terminal shows ETA', async () => {
    const out = await temp.make('ferry-out-');
    terminal = new TmuxTerminal();
    const home = bobEnv['FERRY_HOME'] ?? '';
    await terminal.start(
      inTerminal(home, `get ${big} --out '${out}' --user bob`),
      120,
      10,
    );
    const screen = await terminal.waitFor((s) => /ETA \d/.test(s));
    expect(screen).toMatch(/\| ETA (\d+s|\d+m \d\ds|--) \|/);
    await terminal.waitFor((s) => s.includes('EXIT=0'));
  });
});

describe('ferry-peer asks for the password on a terminal', () => {
  const prompt = async () => {
    terminal = new TmuxTerminal();
    const home = await temp.make('ferry-prompt-');
    await terminal.start(inTerminal(home, 'search report --user bob'), 100, 10);
    // (tmux drops the space after "Password:" at the end of a line)
    await terminal.waitFor((s) => s.includes('Password:'));
    return terminal;
  };
  const linesAfterPrompt = (screen: string) =>
    screen
      .slice(screen.indexOf('Password:'))
      .trimEnd()
      .split('\n')
      .map((line) => line.trimEnd());

  it('Ctrl-C exits 130 after a newline and nothing else', async () => {
    const tty = await prompt();
    await tty.send('C-c');
    const screen = await tty.waitFor((s) => s.includes('EXIT='));
    expect(linesAfterPrompt(screen)).toEqual(['Password:', 'EXIT=130']);
  });

  it('Ctrl-D says no password was given and exits 1', async () => {
    const tty = await prompt();
    await tty.send('C-d');
    const screen = await tty.waitFor((s) => s.includes('EXIT='));
    expect(linesAfterPrompt(screen)).toEqual([
      'Password:',
      'ferry-peer: no password given',
      'EXIT=1',
    ]);
  });

  it('an empty password is refused before it reaches the directory', async () => {
    const tty = await prompt();
    await tty.send('Enter');
    const screen = await tty.waitFor((s) => s.includes('EXIT='));
    expect(linesAfterPrompt(screen)).toEqual([
      'Password:',
      'ferry-peer: the password is empty',
      'EXIT=1',
    ]);
  });
});

describe('ferry-peer with an unusable sessions.json', () => {
  it('warns once naming the file, and the command still succeeds', async () => {
    // Given a sessions.json that is a folder
    const home = await temp.make('ferry-sessions-');
    await mkdir(path.join(home, 'sessions.json'));
    await writeFile(path.join(home, 'sessions.json', 'x'), '');
    // When bob searches, logging in with his password
    const result = await bob(['search', 'archive', '--json'], {
      ...bobEnv,
      FERRY_HOME: home,
    });
    // Then the search works and one line says what is wrong and what to do
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(big);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^ferry-peer: warning: cannot read saved sessions from .*sessions\.json .*Remove or repair that file\.$/,
    );
  });
});

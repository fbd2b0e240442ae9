import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DirectoryClient, openProfileStore } from '@ferry/peer-core';
import {
  startTestDirectory,
  type TestDirectory,
} from './helpers/peer-directory.js';
import { PROGRAMS, REPO_ROOT } from './helpers/programs.js';
import { TmuxTerminal } from './helpers/tmux.js';

const PASSWORD = 'a long enough password';

let root: string;
let directory: TestDirectory;
let holder: Server;
let terminal: TmuxTerminal;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'ferry-grpc-log-'));
  directory = await startTestDirectory(root);
  await new DirectoryClient(directory.url).register('hank', PASSWORD);
  await mkdir(join(root, 'share'));
  holder = createServer();
  await new Promise<void>((resolve) =>
    holder.listen(0, '127.0.0.1', () => resolve()),
  );
  terminal = new TmuxTerminal();
});

afterEach(async () => {
  await terminal.kill();
  await new Promise((resolve) => holder.close(resolve));
  await directory.close();
  await rm(root, { recursive: true, force: true });
});

/** The address `holder` listens on, which nothing else can. */
function busyAddress(): string {
  return `127.0.0.1:${(holder.address() as AddressInfo).port}`;
}

/**
 * Starts `ferry` with `args` (after the shell lines `setup`) in a real
 * 80×24 terminal, recording every byte it writes there, from its first.
 */
async function startFerry(setup: string[], args: string[]): Promise<void> {
  const script = join(root, 'run.sh');
  const go = join(root, 'go');
  await writeFile(
    script,
    [
      `while [ ! -e '${go}' ]; do sleep 0.1; done`,
      ...setup,
      `node '${join(REPO_ROOT, PROGRAMS.ferry)}' --home '${root}' ${args.map((a) => `'${a}'`).join(' ')}`,
      'echo "ferry exited with $?"',
      'sleep 30',
      '',
    ].join('\n'),
  );
  await terminal.start(`sh '${script}'`, 80, 24);
  const output = join(root, 'terminal.out');
  await terminal.tmux('pipe-pane', '-t', 'main', `cat >> '${output}'`);
  await writeFile(go, '');
}

/** Every byte ferry wrote to the terminal, once it has exited. */
async function terminalOutput(): Promise<string> {
  await terminal.waitFor((s) => s.includes('ferry exited'));
  const output = join(root, 'terminal.out');
  for (;;) {
    const text = await readFile(output, 'utf8');
    if (text.includes('ferry exited')) return text;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** grpc-js's lines in the TUI's log file (none when it was never made). */
async function grpcLogLines(): Promise<{ level: number; msg: string }[]> {
  const file = join(root, 'data', 'ferry.log');
  if (!existsSync(file)) return [];
  const lines = (await readFile(file, 'utf8')).trim().split('\n');
  return lines
    .map((line) => JSON.parse(line) as { source?: string; msg: string })
    .filter((entry) => entry.source === 'grpc-js') as {
    level: number;
    msg: string;
  }[];
}

describe('ferry and grpc-js log lines', { timeout: 90_000 }, () => {
  it('shows only its own error when the login screen cannot listen', async () => {
    // Given a saved profile whose listen address another program holds
    openProfileStore({ home: root }).save({
      name: 'home',
      directoryUrl: directory.url,
      username: 'hank',
      shareDir: join(root, 'share'),
      downloadDir: join(root, 'downloads'),
      listen: busyAddress(),
    });
    await startFerry(['unset FERRY_PASSWORD FERRY_USER FERRY_DIRECTORY'], []);
    // When hank logs in with it on the login screen
    await terminal.waitFor((s) => s.includes('▸ home'));
    await terminal.send('Enter');
    await terminal.waitFor((s) => s.includes('Password:'));
    await terminal.send(PASSWORD, true);
    await terminal.send('Enter');
    // Then the screen says why, in the TUI's own words
    const screen = await terminal.waitFor((s) =>
      s.includes('address already in use'),
    );
    expect(screen).toContain(
      `cannot listen on ${busyAddress()}: address already in use (EADDRINUSE)`,
    );
    expect(screen.split('\n')[0]).toBe(' ferry · log in');
    // And grpc-js's line for it never reached the terminal nor the log file
    await terminal.send('Escape');
    await terminal.waitFor((s) => s.includes('q quit'));
    await terminal.send('q');
    expect(await terminalOutput()).not.toContain('No address added');
    expect(await grpcLogLines()).toEqual([]);
  });

  it('says only its own line when a direct login cannot listen', async () => {
    // Given a listen address another program holds, and a direct login
    await startFerry(
      [`export FERRY_PASSWORD='${PASSWORD}'`],
      [
        '--directory',
        directory.url,
        '--user',
        'hank',
        '--listen',
        busyAddress(),
      ],
    );
    // Then ferry prints one line and exits 1, with no grpc-js line
    const output = await terminalOutput();
    expect(output).not.toContain('No address added');
    expect(await terminal.screen()).toMatch(
      /^ferry: cannot listen on 127\.0\.0\.1:\d+: address already in use \(EADDRINUSE\)\nferry exited with 1\n/,
    );
  });

  it('writes the other grpc-js lines to ferry.log, never to the screen', async () => {
    // Given grpc-js told to log its server's trace lines
    await startFerry(
      [
        `export FERRY_PASSWORD='${PASSWORD}'`,
        'export GRPC_VERBOSITY=DEBUG GRPC_TRACE=server',
      ],
      [
        '--directory',
        directory.url,
        '--user',
        'hank',
        '--share',
        join(root, 'share'),
      ],
    );
    // When ferry logs straight in, serves, and quits
    await terminal.waitFor((s) => s.includes('● online'));
    await terminal.send('q');
    // Then no trace line reached the terminal; ferry.log holds them
    expect(await terminalOutput()).not.toContain('| server |');
    const lines = await grpcLogLines();
    expect(lines.some((line) => line.msg.includes('| server |'))).toBe(true);
  });
});

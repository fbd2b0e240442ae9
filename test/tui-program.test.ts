import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROGRAMS, REPO_ROOT, runProgramSync } from './helpers/programs.js';
import { TmuxTerminal } from './helpers/tmux.js';

let root: string;
let terminal: TmuxTerminal;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'ferry-program-'));
  terminal = new TmuxTerminal();
});

afterEach(async () => {
  await terminal.kill();
  await rm(root, { recursive: true, force: true });
});

/**
 * Runs `ferry` with `args` (after the shell lines `setup`) in a real 80×24
 * terminal; the screen once it has exited, with its exit code printed.
 */
async function exitScreen(setup: string[], args: string[]): Promise<string> {
  const script = join(root, 'run.sh');
  await writeFile(
    script,
    [
      ...setup,
      `node '${join(REPO_ROOT, PROGRAMS.ferry)}' --home '${root}' ${args.map((a) => `'${a}'`).join(' ')}`,
      'echo "ferry exited with $?"',
      'sleep 30',
      '',
    ].join('\n'),
  );
  await terminal.start(`sh '${script}'`, 80, 24);
  return terminal.waitFor((s) => s.includes('ferry exited'));
}

describe('the ferry program', { timeout: 60_000 }, () => {
  it('refuses to run without a terminal, with a clear message', () => {
    const result = runProgramSync('ferry', ['--home', root]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'ferry: needs an interactive terminal; for scripts use ferry-peer\n',
    );
  });

  it.each([
    [['--directory', 'ftp://example.org'], 'must start with http://'],
    [['--directory', 'http://127.0.0.1:1'], 'directory unreachable'],
  ])(
    'reports a failed direct login (%s) in one line and exits 1',
    async (args, says) => {
      // Given a direct login that cannot work, in a real terminal
      const screen = await exitScreen(
        ["export FERRY_PASSWORD='x'"],
        ['--user', 'hank', ...args],
      );
      // Then it prints the reason, exits 1 and leaves the normal screen
      expect(screen).toContain(says);
      expect(screen).toContain('ferry exited with 1');
      expect(await terminal.alternateOn()).toBe(false);
    },
  );
});

describe('ferry without FERRY_PASSWORD', { timeout: 60_000 }, () => {
  it.each([
    [['--profile', 'nope'], '--profile: no saved profile named "nope"'],
    [['--listen', 'bad'], '--listen: "bad" is not HOST:PORT'],
    [
      ['--directory', 'ftp://x'],
      '--directory: "ftp://x" must start with http:// or https://',
    ],
  ])(
    'refuses %s in one line and exits 1, not opening the login screen',
    async (args, says) => {
      // Given a bad flag and no password, in a real terminal
      const screen = await exitScreen(
        ['unset FERRY_PASSWORD FERRY_USER FERRY_DIRECTORY'],
        args,
      );
      // Then it prints the reason, exits 1 and leaves the normal screen
      expect(screen).toContain(`ferry: ${says}`);
      expect(screen).toContain('ferry exited with 1');
      expect(screen).not.toContain('log in');
      expect(await terminal.alternateOn()).toBe(false);
    },
  );
});

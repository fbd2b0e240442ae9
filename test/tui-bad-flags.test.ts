import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROGRAMS, REPO_ROOT } from './helpers/programs.js';
import { TmuxTerminal } from './helpers/tmux.js';

let root: string;
let terminal: TmuxTerminal;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'ferry-bad-flags-'));
  terminal = new TmuxTerminal();
});

afterEach(async () => {
  await terminal.kill();
  await rm(root, { recursive: true, force: true });
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
      const script = join(root, 'run.sh');
      await writeFile(
        script,
        [
          'unset FERRY_PASSWORD FERRY_USER FERRY_DIRECTORY',
          `node '${join(REPO_ROOT, PROGRAMS.ferry)}' --home '${root}' ${args.map((a) => `'${a}'`).join(' ')}`,
          'echo "ferry exited with $?"',
          'sleep 30',
          '',
        ].join('\n'),
      );
      await terminal.start(`sh '${script}'`, 80, 24);
      // Then it prints the reason, exits 1 and leaves the normal screen
      const screen = await terminal.waitFor((s) => s.includes('ferry exited'));
      expect(screen).toContain(`ferry: ${says}`);
      expect(screen).toContain('ferry exited with 1');
      expect(screen).not.toContain('log in');
      expect(await terminal.alternateOn()).toBe(false);
    },
  );
});

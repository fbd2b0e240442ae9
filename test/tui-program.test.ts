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
      const script = join(root, 'run.sh');
      await writeFile(
        script,
        [
          "export FERRY_PASSWORD='x'",
          `node '${join(REPO_ROOT, PROGRAMS.ferry)}' --home '${root}' --user hank ${args.map((a) => `'${a}'`).join(' ')}`,
          'echo "ferry exited with $?"',
          'sleep 30',
          '',
        ].join('\n'),
      );
      await terminal.start(`sh '${script}'`, 80, 24);
      // Then it prints the reason, exits 1 and leaves the normal screen
      const screen = await terminal.waitFor((s) => s.includes('ferry exited'));
      expect(screen).toContain(says);
      expect(screen).toContain('ferry exited with 1');
      expect(await terminal.alternateOn()).toBe(false);
    },
  );
});

import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/programs.js';
import { TmuxTerminal } from './helpers/tmux.js';

let root: string;
let terminal: TmuxTerminal;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'ferry-demo-hangup-'));
  terminal = new TmuxTerminal();
});

afterEach(async () => {
  await terminal.kill();
  await rm(root, { recursive: true, force: true });
});

describe('the demo in a terminal that is closed', () => {
  it('still stops everything and removes its temporary folder', async () => {
    // Given the demo running in a real terminal, its temp folder in `root`
    const demo = join(REPO_ROOT, 'packages/tui/dist/demo/main.js');
    await terminal.start(
      `TMPDIR='${root}' FERRY_HOME='${root}/home' '${process.execPath}' '${demo}'`,
      100,
      30,
    );
    await terminal.waitFor((screen) => screen.includes('peers 2'));
    expect(
      (await readdir(root)).filter((name) => name.startsWith('ferry-demo-')),
    ).toHaveLength(1);
    // When the terminal goes away (SIGHUP, then writes to it fail)
    await terminal.kill();
    // Then the demo winds down cleanly and leaves no folder behind
    await expect
      .poll(
        async () =>
          (await readdir(root)).filter((name) =>
            name.startsWith('ferry-demo-'),
          ),
        { timeout: 20_000, interval: 200 },
      )
      .toEqual([]);
  });
});

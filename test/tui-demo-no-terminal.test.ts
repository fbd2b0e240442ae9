import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/programs.js';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'ferry-demo-no-terminal-'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the demo without a terminal', () => {
  it('says it needs one in one line, exits 1 and starts nothing', async () => {
    // Given the demo run with its input and output not a terminal
    const demo = join(REPO_ROOT, 'packages/tui/dist/demo/main.js');
    const result = spawnSync(process.execPath, [demo], {
      env: { ...process.env, TMPDIR: root },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 30_000,
    });

    // Then it says so in one line, exits 1 and made no temp folder
    expect(result.stderr).toBe(
      'ferry demo: needs an interactive terminal; run pnpm demo in one\n',
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(await readdir(root)).toEqual([]);
  });
});

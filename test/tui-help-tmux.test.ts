import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDirectory, type RunningDirectory } from '@ferry/directory';
import { DirectoryClient } from '@ferry/peer-core';
import { KEYMAP, keyLabel, Scope } from '@ferry/tui';
import { PROGRAMS, REPO_ROOT } from './helpers/programs.js';
import { TmuxTerminal } from './helpers/tmux.js';

const PASSWORD = 'tmux help password';
const MAIN_SCOPES = new Set<Scope>([
  Scope.App,
  Scope.Global,
  Scope.List,
  Scope.Peers,
  Scope.Files,
  Scope.Transfers,
]);

let root: string;
let directory: RunningDirectory | undefined;
let terminal: TmuxTerminal;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'ferry-help-tmux-'));
  terminal = new TmuxTerminal();
});

afterEach(async () => {
  await terminal.kill();
  await directory?.close();
  await rm(root, { recursive: true, force: true });
});

/** The lines inside the help box (title first), without its border. */
function helpBox(screen: string): string[] {
  const rows = screen.split('\n');
  const top = rows.findIndex((row) => row.startsWith('╔'));
  const bottom = rows.findIndex((row) => row.startsWith('╚'));
  return rows.slice(top + 1, bottom).map((row) => row.slice(1, -1));
}

const position = (title: string) => /Keys (\d+)–(\d+)\/(\d+)/.exec(title);

/**
 * Reads the whole help by scrolling it one line at a time with ↓, and
 * returns its text with runs of spaces made one.
 */
async function readWholeHelp(): Promise<string> {
  const first = helpBox(await terminal.waitForSteady((s) => s.includes('╔')));
  const [title = '', ...lines] = first;
  let at = position(title);
  while (at && Number(at[2]) < Number(at[3])) {
    const next = Number(at[1]) + 1;
    await terminal.send('Down');
    const box = helpBox(
      await terminal.waitForSteady((s) => s.includes(`Keys ${next}–`)),
    );
    lines.push(box.at(-1) ?? '');
    at = position(box[0] ?? '');
  }
  return lines.join(' ').replace(/\s+/g, ' ');
}

function expectEveryKey(text: string): void {
  for (const binding of KEYMAP.filter((x) => MAIN_SCOPES.has(x.scope))) {
    const keys = binding.keys.map(keyLabel).join(' ');
    expect(text).toContain(`${keys} ${binding.description}`);
  }
}

describe('ferry help in a real terminal (tmux)', { timeout: 150_000 }, () => {
  it('shows every key of the help at 80×24 and at 40×15', async () => {
    // Given ferry logged straight in to a real directory, in 80×24
    directory = await startDirectory({ dbPath: join(root, 'directory.db') });
    await new DirectoryClient(directory.url).register('hank', PASSWORD);
    const share = join(root, 'hank', 'share');
    await mkdir(share, { recursive: true });
    const script = join(root, 'run-ferry.sh');
    const ferry = join(REPO_ROOT, PROGRAMS.ferry);
    await writeFile(
      script,
      [
        `export FERRY_PASSWORD='${PASSWORD}'`,
        `node '${ferry}' --directory '${directory.url}' --user hank \\`,
        `  --home '${join(root, 'hank')}' --share '${share}' \\`,
        `  --downloads '${join(root, 'hank', 'downloads')}'`,
        '',
      ].join('\n'),
    );
    await terminal.start(`sh '${script}'`, 80, 24);
    await terminal.waitFor((s) => s.includes('Peers'), 60_000);
    // When ? opens the help, every key is on it or reached by scrolling
    await terminal.send('?');
    expectEveryKey(await readWholeHelp());
    // When the terminal shrinks to 40×15 with the help reopened
    await terminal.send('Escape');
    await terminal.tmux('resize-window', '-t', 'main', '-x', '40', '-y', '15');
    await terminal.waitFor((s) => /^╭─{38}╮$/m.test(s));
    await terminal.send('?');
    // Then every key is still reached by scrolling
    expectEveryKey(await readWholeHelp());
  });
});

import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDirectory, type RunningDirectory } from '@ferry/directory';
import {
  connectPeer,
  DirectoryClient,
  type PeerClient,
} from '@ferry/peer-core';
import { PROGRAMS, REPO_ROOT } from './helpers/programs.js';
import { TmuxTerminal } from './helpers/tmux.js';

const PASSWORD = 'tmux smoke password';

let root: string;
let directory: RunningDirectory | undefined;
let alice: PeerClient | undefined;
let terminal: TmuxTerminal;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'ferry-tmux-'));
  terminal = new TmuxTerminal();
});

afterEach(async () => {
  await terminal.kill();
  await alice?.stop();
  await directory?.close();
  await rm(root, { recursive: true, force: true });
});

/** Starts a real peer sharing one file of random bytes; returns its hash. */
async function startAlice(url: string): Promise<string> {
  const share = join(root, 'alice', 'share');
  const content = randomBytes(5 * 1024 * 1024 + 3);
  await mkdir(share, { recursive: true });
  await writeFile(join(share, 'harbour survey.bin'), content);
  alice = await connectPeer(
    {
      profile: {
        name: 'alice',
        directoryUrl: url,
        username: 'alice',
        shareDir: share,
        downloadDir: join(root, 'alice', 'downloads'),
        listen: '127.0.0.1:0',
      },
      password: PASSWORD,
      register: true,
    },
    { home: join(root, 'alice'), settleMs: 0 },
  );
  return createHash('sha256').update(content).digest('hex');
}

/** A shell script that runs ferry logged straight in, then prints its status. */
async function ferryScript(url: string, downloads: string): Promise<string> {
  const script = join(root, 'run-ferry.sh');
  const ferry = join(REPO_ROOT, PROGRAMS.ferry);
  await writeFile(
    script,
    [
      `export FERRY_PASSWORD='${PASSWORD}'`,
      `node '${ferry}' --directory '${url}' --user hank --home '${join(root, 'hank')}' \\`,
      `  --share '${join(root, 'hank', 'share')}' --downloads '${downloads}'`,
      'echo "ferry exited with $?"',
      'sleep 60',
      '',
    ].join('\n'),
  );
  return `sh '${script}'`;
}

describe('ferry in a real terminal (tmux)', { timeout: 150_000 }, () => {
  it('fits 80×24, shrinks and grows, takes a burst of keys, searches, downloads a verified file, quits and restores the terminal', async () => {
    // Given a directory, alice sharing a file, and hank's account
    directory = await startDirectory({ dbPath: join(root, 'directory.db') });
    const sha256 = await startAlice(directory.url);
    await new DirectoryClient(directory.url).register('hank', PASSWORD);
    await mkdir(join(root, 'hank', 'share'), { recursive: true });
    const downloads = join(root, 'hank', 'downloads');
    // When ferry starts logged straight in from flags and FERRY_PASSWORD
    await terminal.start(await ferryScript(directory.url, downloads), 80, 24);
    // (at 80 columns a peer row is its name and file count)
    const small = await terminal.waitFor(
      (s) => /│▸ alice {16}1│/.test(s),
      60_000,
    );
    expect(await terminal.alternateOn()).toBe(true);
    expect(small.split('\n')[0]).toMatch(/^ hank@127\.0\.0\.1:\d+ {2}● online/);
    // And the terminal shrinks: peer rows drop their size column, never wrap
    await terminal.tmux('resize-window', '-t', 'main', '-x', '60', '-y', '16');
    const narrow = await terminal.waitFor((s) => /^╭─{58}╮$/m.test(s));
    expect(narrow).toMatch(/│▸ alice\s+1\s*│/);
    // And too small for the panes: it says so
    await terminal.tmux('resize-window', '-t', 'main', '-x', '30', '-y', '10');
    await terminal.waitFor((s) => /bigger[^]*30×10/.test(s));
    // And the terminal grows: the layout follows, peer rows gain their size
    await terminal.tmux('resize-window', '-t', 'main', '-x', '120', '-y', '30');
    await terminal.waitFor(
      (s) => s.startsWith(' ferry  hank@') && /alice\s+1\s+5\.2 MB/.test(s),
    );
    // And searches and downloads the file
    await terminal.send('/');
    await terminal.waitFor((s) => s.includes('words in the file name'));
    // (typed in one burst, mistake and Backspaces included, then Enter)
    await terminal.sendTogether(
      ...['x', 'x', 'BSpace', 'BSpace', 's', 'u', 'r', 'v', 'e', 'y', 'Enter'],
    );
    await terminal.waitFor((s) => s.includes('search: survey · 1 result'));
    await terminal.waitFor((s) => s.includes('▸ harbour survey.bin'));
    await terminal.send('Enter');
    // Then Transfers shows it done, with the right bytes on disk
    await terminal.waitFor((s) => /harbour survey\.bin.*100%.*done/.test(s));
    const bytes = await readFile(join(downloads, 'harbour survey.bin'));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha256);
    // When q is pressed, ferry exits 0 and the terminal is restored
    await terminal.send('q');
    const after = await terminal.waitFor((s) => s.includes('ferry exited'));
    expect(after).toContain('ferry exited with 0');
    expect(after).not.toContain('Peers');
    expect(await terminal.alternateOn()).toBe(false);
  });

  it('keeps the profile form in columns in a 40-column terminal', async () => {
    // Given ferry on its login screen, with no profile yet
    const ferry = join(REPO_ROOT, PROGRAMS.ferry);
    await terminal.start(
      `node '${ferry}' --home '${join(root, 'new')}'`,
      40,
      15,
    );
    await terminal.waitFor((s) => s.includes('No saved profile yet'), 60_000);
    // When a new profile is started
    await terminal.send('n');
    // Then every label keeps its column and long values are cut
    const form = await terminal.waitFor((s) => s.includes('New profile'));
    expect(form).toMatch(/^ Directory URL {5}http:\/\/127\.0\.0\.1:70…$/m);
    expect(form).toMatch(/^ Download folder {3}\/\S+$/m);
  });
});

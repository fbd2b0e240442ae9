import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useTestDirectory } from './helpers/peer-directory.js';
import { PROGRAMS, REPO_ROOT } from './helpers/programs.js';
import { TempDirs } from './helpers/temp-files.js';
import { TmuxTerminal } from './helpers/tmux.js';

const PASSWORD = 'a long enough password';
const directory = useTestDirectory('ferry-home-login-dir-');
const temp = new TempDirs();
let terminal: TmuxTerminal;

beforeEach(() => {
  terminal = new TmuxTerminal();
});

afterEach(async () => {
  await terminal.kill();
  await temp.cleanup();
});

describe('ferry --home with a direct login', { timeout: 60_000 }, () => {
  it('shares and downloads under --home, as FERRY_HOME would', async () => {
    // Given an account, a --home whose share holds one file, and a HOME
    // (where ~/Ferry would go) apart from it
    const root = await temp.make('ferry-home-login-');
    const home = join(root, 'ferry-home');
    const userHome = join(root, 'user');
    await mkdir(join(home, 'share'), { recursive: true });
    await mkdir(userHome);
    await writeFile(join(home, 'share', 'hello.txt'), 'hello\n');
    const registered = await fetch(`${directory.url}/v1/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'hank', password: PASSWORD }),
    });
    expect(registered.status).toBe(201);
    const script = join(root, 'run.sh');
    await writeFile(
      script,
      [
        'unset FERRY_HOME FERRY_USER FERRY_DIRECTORY',
        `export HOME='${userHome}' FERRY_PASSWORD='${PASSWORD}'`,
        `node '${join(REPO_ROOT, PROGRAMS.ferry)}' --home '${home}' --user hank --directory '${directory.url}'`,
        'echo "ferry exited with $?"',
        'sleep 30',
        '',
      ].join('\n'),
    );

    // When ferry logs straight in with --home and no --share or --downloads
    await terminal.start(`sh '${script}'`, 100, 30);
    // Then it shares --home's share folder, and makes nothing in ~/Ferry
    await terminal.waitFor((s) => s.includes('sharing 1 file'));
    await terminal.send('q');
    expect(await terminal.waitFor((s) => s.includes('ferry exited'))).toContain(
      'ferry exited with 0',
    );
    expect(existsSync(join(home, 'downloads'))).toBe(true);
    expect(existsSync(join(userHome, 'Ferry'))).toBe(false);
  });
});

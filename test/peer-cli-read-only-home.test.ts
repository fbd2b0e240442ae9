import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredUserEnv, runPeerCli } from './helpers/peer-cli.js';
import {
  startTestDirectory,
  type TestDirectory,
} from './helpers/peer-directory.js';
import { TempDirs } from './helpers/peer-temp.js';

const temp = new TempDirs();
const PASSWORD = 'a long enough password';
let directory: TestDirectory;

beforeAll(async () => {
  directory = await startTestDirectory(await temp.make('ferry-dir-'));
  await registeredUserEnv(
    'bob',
    directory.url,
    PASSWORD,
    await temp.make('ferry-bob-'),
  );
});

afterAll(async () => {
  await directory.close();
  await temp.cleanup();
});

/** `ferry-peer peers` as bob, his state in `home`. */
function peersAsBob(home: string) {
  return runPeerCli(['peers', '--user', 'bob'], {
    FERRY_DIRECTORY: directory.url,
    FERRY_PASSWORD: PASSWORD,
    FERRY_HOME: home,
  });
}

describe('ferry-peer never writes profiles.json unless saving a profile', () => {
  it('a command in a FERRY_HOME without profiles.json does not create it', async () => {
    const home = await temp.make('ferry-home-');
    const result = await peersAsBob(home);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(await readdir(home)).toEqual(['sessions.json']);
  });

  it('a command leaves a profiles.json holding {} as it was', async () => {
    const home = await temp.make('ferry-home-');
    const file = path.join(home, 'profiles.json');
    await writeFile(file, '{}');
    const result = await peersAsBob(home);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(await readFile(file, 'utf8')).toBe('{}');
  });

  it('a FERRY_HOME that cannot be made (under a regular file): peers works, one warning', async () => {
    // Given a FERRY_HOME whose parent is a file, so nothing can be written
    const parent = path.join(await temp.make('ferry-home-'), 'a-file');
    await writeFile(parent, '');
    // When bob lists the peers
    const result = await peersAsBob(path.join(parent, 'home'));
    // Then the list comes, and one line says the session cannot be kept
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('USER');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^ferry-peer: warning: cannot save the session to .*sessions\.json \(ENOTDIR/,
    );
  });
});

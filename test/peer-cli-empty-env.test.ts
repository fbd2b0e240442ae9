import { openProfileStore } from '@ferry/peer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPeerCli } from './helpers/peer-cli.js';
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
});

afterAll(async () => {
  await directory.close();
  await temp.cleanup();
});

/** A FERRY_HOME whose profile "home" names `username` on the test directory. */
async function homeWithProfile(username: string): Promise<string> {
  const home = await temp.make('ferry-home-');
  openProfileStore({ home }).save({
    name: 'home',
    username,
    directoryUrl: directory.url,
    shareDir: `${home}/share`,
    downloadDir: `${home}/downloads`,
    listen: '127.0.0.1:0',
  });
  return home;
}

describe('FERRY_USER or FERRY_DIRECTORY set but empty', () => {
  it.each([
    ['FERRY_USER', 'erin'],
    ['FERRY_DIRECTORY', 'frank'],
  ])(
    'an empty %s counts as unset: the profile value is used',
    async (variable, username) => {
      const home = await homeWithProfile(username);
      const result = await runPeerCli(['register', '--profile', 'home'], {
        FERRY_HOME: home,
        FERRY_PASSWORD: PASSWORD,
        [variable]: '',
      });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
    },
  );

  it('both empty and no profile: the usual "no user" error', async () => {
    const result = await runPeerCli(['peers'], {
      FERRY_HOME: await temp.make('ferry-home-'),
      FERRY_USER: '',
      FERRY_DIRECTORY: '',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('ferry-peer: no user');
  });
});

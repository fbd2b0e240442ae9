import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openProfileStore, type LoginRequest } from '@ferry/peer-core';
import { MemoryProfileStore } from '@ferry/peer-core/testing';
import { KEYS, press, typeText, waitForFrame } from './helpers/ink.js';
import { HOME_PROFILE } from './helpers/home-profile.js';
import { useLoginScreen } from './helpers/login-screen.js';

const home = HOME_PROFILE;
const start = useLoginScreen();

/**
 * Opens the login screen on a real profile store at `home`, turns `home`
 * into a file (so saving fails with ENOTDIR), saves a new profile and
 * returns the frame showing the error.
 */
async function saveIntoBrokenStore(home: string): Promise<string> {
  const app = await start(openProfileStore({ home }));
  await rm(home, { recursive: true, force: true });
  await writeFile(home, 'not a folder');
  await press(app, 'n');
  await waitForFrame(app, (f) => f.includes('New profile'));
  await typeText(app, 'x');
  await press(app, KEYS.tab, KEYS.tab);
  await typeText(app, 'yan');
  await press(app, KEYS.enter);
  return waitForFrame(app, (f) => f.includes('ENOTDIR'));
}

describe('ferry login screen', () => {
  it('creates a profile from the form and lists it', async () => {
    // Given no saved profile
    const store = new MemoryProfileStore();
    const app = await start(store);
    await waitForFrame(app, (f) => f.includes('No saved profile yet'));
    // When creating one with a name and a username
    await press(app, 'n');
    await waitForFrame(app, (f) => f.includes('New profile'));
    await typeText(app, 'work');
    await press(app, KEYS.tab, KEYS.tab);
    await typeText(app, 'qjk');
    await press(app, KEYS.enter);
    // Then it is saved and listed
    await waitForFrame(app, (f) => f.includes('qjk@127.0.0.1:7070'));
    expect(store.list().map((p) => [p.name, p.username])).toEqual([
      ['work', 'qjk'],
    ]);
  });

  it('refuses to save a profile with an empty field, in place', async () => {
    const store = new MemoryProfileStore();
    const app = await start(store);
    await press(app, 'n', KEYS.enter);
    await waitForFrame(app, (f) => f.includes('Profile name is empty.'));
    expect(store.list()).toEqual([]);
  });

  it('edits a saved profile, and deletes it after asking', async () => {
    const store = new MemoryProfileStore([home]);
    const app = await start(store);
    await press(app, 'e');
    await waitForFrame(app, (f) => f.includes('Edit profile home'));
    await typeText(app, '2');
    await press(app, KEYS.enter);
    await waitForFrame(app, (f) => f.includes('home2'));
    expect(store.list().map((p) => p.name)).toEqual(['home2']);
    await press(app, 'd');
    await waitForFrame(app, (f) => f.includes('Delete profile home2? (y/n)'));
    await press(app, 'n');
    await waitForFrame(app, (f) => !f.includes('Delete profile'));
    expect(store.list()).toHaveLength(1);
    await press(app, 'd', 'y');
    await waitForFrame(app, (f) => f.includes('No saved profile yet'));
    expect(store.list()).toEqual([]);
  });

  it('masks the password and logs in with the picked profile', async () => {
    const requests: LoginRequest[] = [];
    const app = await start(new MemoryProfileStore([home]), { requests });
    await press(app, KEYS.enter);
    await waitForFrame(app, (f) => f.includes('Password:'));
    await typeText(app, 's3cret-pw');
    const typed = await waitForFrame(app, (f) => f.includes('******'));
    expect(typed).not.toContain('s3cret-pw');
    await press(app, KEYS.tab, KEYS.enter);
    await waitForFrame(app, (f) => f.includes('1 Peers'));
    expect(requests).toEqual([
      { profile: home, password: 's3cret-pw', register: true },
    ]);
  });

  it('shows a profile store failure in place instead of crashing', async () => {
    // Given a real profile store whose folder becomes unwritable
    const root = await mkdtemp(join(tmpdir(), 'ferry-profiles-'));
    const home = join(root, 'home');
    try {
      // When a new profile is saved
      const frame = await saveIntoBrokenStore(home);
      // Then the error shows under the form, which stays open
      expect(frame).toContain('New profile');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it.each([
    ['a new profile', 'n', 'home'],
    ['a renamed profile', 'e', 'work'],
  ])(
    'refuses %s with the name of another saved one, keeping it',
    async (_, key, from) => {
      // Given saved profiles home and work
      const work = { ...home, name: 'work', username: 'wendy' };
      const store = new MemoryProfileStore([home, work]);
      const app = await start(store);
      await waitForFrame(app, (f) => f.includes('wendy@'));
      // When the form (new, or editing work) is saved with the name home
      if (key === 'e') await press(app, 'j');
      await press(app, key);
      await waitForFrame(app, (f) => f.includes('profile'));
      for (const _char of from) await press(app, KEYS.backspace);
      await typeText(app, 'home');
      await press(app, KEYS.tab, KEYS.tab);
      await typeText(app, 'zed');
      await press(app, KEYS.enter);
      // Then the form says so and both saved profiles are unchanged
      await waitForFrame(app, (f) =>
        f.includes('A profile named home already exists'),
      );
      expect(store.list()).toEqual([home, work]);
    },
  );

  it('shows a hostile login error without its escape sequences', async () => {
    // Given a login that fails with a message carrying an OSC sequence
    const instance = await start(new MemoryProfileStore([home]), {
      connect: () =>
        Promise.reject(new Error('bad \u001B]0;pwned\u0007 reply')),
    });
    // When logging in
    await press(instance, KEYS.enter);
    await waitForFrame(instance, (f) => f.includes('Password:'));
    await typeText(instance, 'pw');
    await press(instance, KEYS.enter);
    // Then the error shows, its control characters made harmless
    const frame = await waitForFrame(instance, (f) => f.includes('reply'));
    expect(frame).not.toContain('\u001B]0;pwned');
    expect(frame).toContain('bad �]0;pwned� reply');
  });

  it('shows a profile store error naming a hostile path safely', async () => {
    // Given a real store whose folder, named with an escape, becomes a file
    const root = await mkdtemp(join(tmpdir(), 'ferry-profiles-'));
    const hostile = join(root, 'h\u001B]0;pwned\u0007');
    try {
      // When a new profile is saved
      const frame = await saveIntoBrokenStore(hostile);
      // Then the error shows with the path's controls made harmless
      expect(frame).not.toContain('\u001B]0;pwned');
      expect(frame).toContain('h�]0;pwned�');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('logs in a picked profile with the user and directory of the command line', async () => {
    // Given ferry started with --user zed --directory over a saved profile
    const requests: LoginRequest[] = [];
    const overrides = {
      username: 'zed',
      directoryUrl: 'http://127.0.0.1:9999',
    };
    const instance = await start(new MemoryProfileStore([home]), {
      requests,
      username: 'zed',
      overrides,
    });
    // When the profile is picked, the prompt names the flags' user
    await press(instance, KEYS.enter);
    await waitForFrame(instance, (f) =>
      f.includes('Log in as zed@127.0.0.1:9999 (profile home)'),
    );
    // Then the login uses them, the profile's other fields kept
    await typeText(instance, 'pw');
    await press(instance, KEYS.enter);
    await waitForFrame(instance, (f) => f.includes('zed@'));
    expect(requests).toEqual([
      { profile: { ...home, ...overrides }, password: 'pw', register: false },
    ]);
  });

  it('starts a new profile from the directory and user of the command line', async () => {
    // Given ferry started with --user zed --directory
    const instance = await start(new MemoryProfileStore([home]), {
      connect: () => Promise.reject(new Error('not used')),
      overrides: { username: 'zed', directoryUrl: 'http://127.0.0.1:9999' },
    });
    // When a new profile is made
    await press(instance, 'n');
    // Then its form starts from them
    const frame = await waitForFrame(instance, (f) =>
      f.includes('New profile'),
    );
    expect(frame).toContain('http://127.0.0.1:9999');
    expect(frame).toMatch(/Username\s+zed/);
  });
});

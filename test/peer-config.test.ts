import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  openProfileStore,
  PeerError,
  PeerErrorCode,
  resolveFerryPaths,
  resolveSettings,
  TokenStore,
  type Profile,
} from '@ferry/peer-core';
import { afterEach, describe, expect, it } from 'vitest';
import { TempDirs } from './helpers/peer-temp.js';

const temp = new TempDirs();
afterEach(() => temp.cleanup());

function profile(overrides: Partial<Profile> = {}): Profile {
  return {
    name: 'home',
    directoryUrl: 'http://127.0.0.1:7070',
    username: 'alice',
    shareDir: '/srv/share',
    downloadDir: '/srv/downloads',
    listen: '127.0.0.1:0',
    ...overrides,
  };
}

describe('profiles (conf)', () => {
  it('saves, lists, replaces and removes profiles under FERRY_HOME', async () => {
    // Given an empty FERRY_HOME
    const home = await temp.make();
    const env = { FERRY_HOME: home };
    // When two profiles are saved and one is replaced
    const store = openProfileStore({ env });
    store.save(profile({ name: 'work', username: 'bob' }));
    store.save(profile());
    store.save(profile({ username: 'carol' }));
    // Then a fresh store reads them back from profiles.json in FERRY_HOME
    const again = openProfileStore({ env });
    expect(again.list().map((p) => [p.name, p.username])).toEqual([
      ['home', 'carol'],
      ['work', 'bob'],
    ]);
    await stat(path.join(home, 'profiles.json'));
    again.remove('work');
    expect(openProfileStore({ home }).get('work')).toBeUndefined();
  });

  it('refuses a profile with a bad URL or listen address, naming the key', async () => {
    const store = openProfileStore({ home: await temp.make() });
    expect(() => store.save(profile({ directoryUrl: 'ftp://x' }))).toThrow(
      /must start with http/,
    );
    expect(() => store.save(profile({ listen: 'nowhere' }))).toThrow(
      /"listen".*HOST:PORT/,
    );
  });

  it('reports a damaged profiles file with its path', async () => {
    // Given a profiles.json that is not JSON
    const home = await temp.make();
    await writeFile(path.join(home, 'profiles.json'), '{ not json');
    // Then opening the store names the file
    let failure: unknown;
    try {
      openProfileStore({ home });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(PeerError);
    expect((failure as PeerError).code).toBe(PeerErrorCode.InvalidInput);
    expect((failure as PeerError).message).toContain(
      path.join(home, 'profiles.json'),
    );
  });

  it('a profile that cannot be saved fails saying so, naming the file', async () => {
    // Given a FERRY_HOME under a regular file: it opens, but nothing can be written
    const parent = path.join(await temp.make(), 'a-file');
    await writeFile(parent, '');
    const store = openProfileStore({ home: path.join(parent, 'home') });
    expect(store.list()).toEqual([]);
    // Then saving throws an IO error naming the profile and the file
    let failure: unknown;
    try {
      store.save(profile());
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(PeerError);
    expect((failure as PeerError).code).toBe(PeerErrorCode.Io);
    expect((failure as PeerError).message).toMatch(
      /^cannot save profile "home" in .*a-file\/home\/profiles\.json: ENOTDIR/,
    );
  });

  it('without FERRY_HOME uses the platform folders', () => {
    const paths = resolveFerryPaths({ env: {} });
    expect(paths.configDir).toMatch(/ferry$/);
    expect(paths.dataDir).toMatch(/ferry$/);
  });
});

describe('settings precedence', () => {
  it('takes flags, then FERRY_* variables, then the profile, then defaults', async () => {
    // Given a saved profile
    const home = await temp.make();
    const store = openProfileStore({ home });
    store.save(profile({ name: 'default', username: 'saved' }));
    const env = { FERRY_HOME: home, FERRY_USER: 'fromenv' };
    // Then the env beats the profile, and a flag beats the env
    expect(resolveSettings({}, store, env).username).toBe('fromenv');
    expect(resolveSettings({ user: 'flag' }, store, env).username).toBe('flag');
    expect(resolveSettings({}, store, { FERRY_HOME: home }).username).toBe(
      'saved',
    );
    // And the directory falls back from env to profile to the default
    const directory = resolveSettings(
      { directory: 'http://10.0.0.1:1/' },
      store,
      { ...env, FERRY_DIRECTORY: 'http://10.0.0.2:2' },
    ).directoryUrl;
    expect(directory).toBe('http://10.0.0.1:1');
    const bare = openProfileStore({ home: await temp.make() });
    const defaults = resolveSettings({ user: 'x' }, bare, { FERRY_HOME: home });
    expect(defaults.directoryUrl).toBe('http://127.0.0.1:7070');
    expect(defaults.shareDir).toBe(path.join(home, 'share'));
  });

  it('demands a user and an existing --profile', async () => {
    const store = openProfileStore({ home: await temp.make() });
    expect(() => resolveSettings({}, store, {})).toThrow(/no user/);
    expect(() => resolveSettings({ profile: 'nope' }, store, {})).toThrow(
      /no saved profile named "nope"/,
    );
  });
});

describe('token store', () => {
  it('keeps tokens per directory and user in a 0600 file, and forgets them', async () => {
    const home = await temp.make();
    const tokens = new TokenStore({ home });
    const alice = { directoryUrl: 'http://a:1', username: 'alice' };
    const bob = { directoryUrl: 'http://a:1', username: 'bob' };
    tokens.set(alice, 'token-a');
    tokens.set(bob, 'token-b');
    expect(new TokenStore({ home }).get(alice)).toBe('token-a');
    expect((await stat(tokens.file)).mode & 0o777).toBe(0o600);
    tokens.delete(alice);
    expect(new TokenStore({ home }).get(alice)).toBeUndefined();
    expect(new TokenStore({ home }).get(bob)).toBe('token-b');
  });

  it('treats a damaged file as holding no token', async () => {
    const home = await temp.make();
    await writeFile(path.join(home, 'sessions.json'), '[[[');
    expect(
      new TokenStore({ home }).get({ directoryUrl: 'http://a', username: 'a' }),
    ).toBeUndefined();
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '@ferry/tui';
import {
  openProfileStore,
  type LoginRequest,
  type ProfileStore,
} from '@ferry/peer-core';
import { FakePeerClient, MemoryProfileStore } from '@ferry/peer-core/testing';
import {
  KEYS,
  press,
  renderApp,
  typeText,
  waitForFrame,
  type InkInstance,
} from './helpers/ink.js';
import { HOME_PROFILE } from './helpers/home-profile.js';

const home = HOME_PROFILE;

let instance: InkInstance | undefined;
let peer: FakePeerClient | undefined;

afterEach(async () => {
  instance?.unmount();
  instance = undefined;
  await peer?.stop();
});

async function start(store: ProfileStore, requests: LoginRequest[] = []) {
  peer = new FakePeerClient({ tickMs: 0, username: 'hank' });
  const connect = (request: LoginRequest) => {
    requests.push(request);
    return Promise.resolve(peer as FakePeerClient);
  };
  instance = await renderApp(<App store={store} connect={connect} />);
  return instance;
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
    const app = await start(new MemoryProfileStore([home]), requests);
    await press(app, KEYS.enter);
    await waitForFrame(app, (f) => f.includes('Password:'));
    await typeText(app, 's3cret');
    const typed = await waitForFrame(app, (f) => f.includes('******'));
    expect(typed).not.toContain('s3cret');
    await press(app, KEYS.tab, KEYS.enter);
    await waitForFrame(app, (f) => f.includes('1 Peers'));
    expect(requests).toEqual([
      { profile: home, password: 's3cret', register: true },
    ]);
  });

  it('shows a profile store failure in place instead of crashing', async () => {
    // Given a real profile store whose folder becomes unwritable
    const root = await mkdtemp(join(tmpdir(), 'ferry-profiles-'));
    const home = join(root, 'home');
    try {
      const app = await start(openProfileStore({ home }));
      await rm(home, { recursive: true, force: true });
      await writeFile(home, 'not a folder');
      // When a new profile is saved
      await press(app, 'n');
      await waitForFrame(app, (f) => f.includes('New profile'));
      await typeText(app, 'x');
      await press(app, KEYS.tab, KEYS.tab);
      await typeText(app, 'y');
      await press(app, KEYS.enter);
      // Then the error shows under the form, which stays open
      const frame = await waitForFrame(app, (f) => f.includes('ENOTDIR'));
      expect(frame).toContain('New profile');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

import { describe, expect, it, vi } from 'vitest';
import type { LoginRequest } from '@ferry/peer-core';
import { MemoryProfileStore, sampleFile } from '@ferry/peer-core/testing';
import { KEYS, press, waitForFrame, type InkInstance } from './helpers/ink.js';
import { useLoginScreen } from './helpers/login-screen.js';
import {
  useFakeMainScreen,
  type FakeMainScreen,
} from './helpers/main-screen.js';
import { HOME_PROFILE } from './helpers/home-profile.js';

const start = useFakeMainScreen();
const startLogin = useLoginScreen();

const home = HOME_PROFILE;

/** The main screen of a logged-in peer; alice shares `fileName`. */
function mainScreen(fileName = 'movie.mkv'): Promise<FakeMainScreen> {
  return start({
    peers: [{ username: 'alice', files: [sampleFile(fileName, 10)] }],
    ownFiles: [],
  });
}

/** The login screen over `store`, recording each login asked for. */
async function loginScreen(
  store: MemoryProfileStore,
  requests: LoginRequest[],
): Promise<InkInstance> {
  const app = await startLogin(store, { requests });
  await waitForFrame(app, (f) => f.includes('hank@127.0.0.1:7070'));
  return app;
}

/** Writes each character as its own keystroke, with no pause between. */
function typeInBurst(app: InkInstance, text: string): void {
  for (const char of text) app.stdin.write(char);
}

describe('text boxes under fast typing', () => {
  it('keeps every character typed faster than the screen redraws', async () => {
    // Given the main screen with the search box open
    const { app } = await mainScreen('river.bin');
    await press(app, '/');
    // When a query is typed in one burst of separate keystrokes
    await waitForFrame(app, (f) => f.includes('Enter to search'));
    typeInBurst(app, 'danube waltz');
    // Then the box shows all of it, in order
    const frame = await waitForFrame(app, (f) =>
      f.includes('search: danube waltz'),
    );
    expect(frame).toContain('search: danube waltz');
  });

  it.each([
    ['a word and Enter', 'movie\r'],
    ['a mistake, its Backspaces, a word and Enter', 'xx\x7f\x7fmovie\r'],
  ])('searches for exactly what %s in one burst say', async (_, burst) => {
    // Given the search box, open
    const { app, client } = await mainScreen();
    const search = vi.spyOn(client, 'search');
    await press(app, '/');
    await waitForFrame(app, (f) => f.includes('Enter to search'));
    // When the keys reach the terminal in one write
    await press(app, burst);
    // Then the search is for the whole word, and finds the file
    await waitForFrame(app, (f) => f.includes('search: movie · 1 result'));
    expect(search.mock.calls.map(([query]) => query)).toEqual(['movie']);
  });

  it.each([
    ['logs in', [], false],
    ['registers', [KEYS.tab], true],
  ])(
    '%s with the whole password typed with Enter in one burst',
    async (_, before: string[], register: boolean) => {
      // Given the password prompt of a saved profile
      const requests: LoginRequest[] = [];
      const app = await loginScreen(new MemoryProfileStore([home]), requests);
      await press(app, KEYS.enter);
      await waitForFrame(app, (f) => f.includes('Password:'));
      await press(app, ...before);
      // When the password and Enter reach the terminal in one write
      await press(app, 's3cret-pw\r');
      // Then the login carries every character of it
      await waitForFrame(app, (f) => f.includes('1 Peers'));
      expect(requests).toEqual([
        { profile: home, password: 's3cret-pw', register },
      ]);
    },
  );

  it('saves a profile field typed with Enter in one burst whole', async () => {
    // Given the form editing a saved profile
    const store = new MemoryProfileStore([home]);
    const app = await loginScreen(store, []);
    await press(app, 'e');
    await waitForFrame(app, (f) => f.includes('Edit profile home'));
    // When two characters and Enter reach the terminal in one write
    await press(app, 'XY\r');
    // Then the profile is saved with both
    await waitForFrame(app, (f) => f.includes('homeXY'));
    expect(store.list().map((p) => p.name)).toEqual(['homeXY']);
  });
});

describe('the search key over the help overlay', () => {
  it('closes the help and opens the search box, which has the keyboard', async () => {
    // Given the help overlay, open
    const { app, client } = await mainScreen();
    const search = vi.spyOn(client, 'search');
    await press(app, '?');
    await waitForFrame(app, (f) => f.includes('Keys'));
    // When / is pressed
    await press(app, '/');
    // Then the help gives way to the search box, which searches
    await waitForFrame(app, (f) => f.includes('Enter to search'));
    await press(app, 'movie\r');
    await waitForFrame(app, (f) => f.includes('search: movie · 1 result'));
    expect(search).toHaveBeenCalledWith('movie', expect.anything());
    // And the global keys work again: ? opens the help, Esc closes it
    await press(app, '?');
    await waitForFrame(app, (f) => f.includes('Keys'));
    await press(app, KEYS.esc);
    await waitForFrame(app, (f) => f.includes('1 Peers'));
  });
});

import { describe, expect, it, onTestFinished, vi } from 'vitest';
import type { LoginRequest } from '@ferry/peer-core';
import {
  FakePeerClient,
  MemoryProfileStore,
  sampleFile,
} from '@ferry/peer-core/testing';
import { App } from '@ferry/tui';
import { KEYS, press, waitForFrame, type InkInstance } from './helpers/ink.js';
import { useKeypressTerminal } from './helpers/keypress-terminal.js';
import { useLoginScreen } from './helpers/login-screen.js';
import {
  useFakeMainScreen,
  type FakeMainScreen,
} from './helpers/main-screen.js';
import { HOME_PROFILE } from './helpers/home-profile.js';

const start = useFakeMainScreen();
const startLogin = useLoginScreen();
const onTerminal = useKeypressTerminal();

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

/** hank's peer on a fake network where alice shares a waltz; stopped after. */
function fakePeer(): FakePeerClient {
  const client = new FakePeerClient({
    username: 'hank',
    tickMs: 0,
    peers: [
      { username: 'alice', files: [sampleFile('danube-waltz.flac', 10)] },
    ],
  });
  onTestFinished(() => client.stop());
  return client;
}

describe('a key that opens a text box, and the keys after it in one burst', () => {
  it('searches for every letter typed right after /', async () => {
    // Given the main screen on a terminal, keys read as ferry reads them
    const client = fakePeer();
    const search = vi.spyOn(client, 'search');
    const app = await onTerminal(
      <App
        store={new MemoryProfileStore()}
        connect={() => Promise.resolve(client)}
        client={client}
      />,
    );
    await waitForFrame(app, (f) => f.includes('1 Peers'));
    // When / opens the search box and a word and Enter follow in one write
    app.stdin.write('/danube\r');
    // Then the search is for the whole word
    await waitForFrame(app, (f) => f.includes('search: danube · 1 result'));
    expect(search.mock.calls.map(([query]) => query)).toEqual(['danube']);
  });

  it.each([['ritapass99'], ['quiet-pass']])(
    'logs in with %s sent with the Enter that opens its prompt',
    async (password) => {
      // Given the saved profiles on a terminal
      const client = fakePeer();
      const requests: LoginRequest[] = [];
      const app = await onTerminal(
        <App
          store={new MemoryProfileStore([home])}
          connect={(request) => {
            requests.push(request);
            return Promise.resolve(client);
          }}
        />,
      );
      await waitForFrame(app, (f) => f.includes('hank@127.0.0.1:7070'));
      // When Enter, the password and Enter reach the terminal in one write
      app.stdin.write(`\r${password}\r`);
      // Then the login carries the whole password (a q in it quits nothing)
      await waitForFrame(app, (f) => f.includes('1 Peers'));
      expect(requests).toEqual([{ profile: home, password, register: false }]);
      expect(app.exited()).toBe(false);
    },
  );

  it('types a new profile name that starts with q into the form n opens', async () => {
    // Given the saved profiles on a terminal
    const app = await onTerminal(
      <App
        store={new MemoryProfileStore([home])}
        connect={() => Promise.reject(new Error('no login here'))}
      />,
    );
    await waitForFrame(app, (f) => f.includes('hank@127.0.0.1:7070'));
    // When n and a name reach the terminal in one write
    app.stdin.write('nqprof');
    // Then the new profile's form has the whole name, and ferry still runs
    const frame = await waitForFrame(app, (f) => f.includes('qprof'));
    expect(frame).toMatch(/New profile[^]*Profile name +qprof/);
    expect(app.exited()).toBe(false);
  });
});

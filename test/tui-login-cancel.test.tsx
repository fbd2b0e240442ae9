import { afterEach, describe, expect, it } from 'vitest';
import {
  connectPeer,
  ConnectionState,
  type LoginRequest,
  type PeerClient,
  type Profile,
} from '@ferry/peer-core';
import { FakePeerClient, MemoryProfileStore } from '@ferry/peer-core/testing';
import { KEYS, press, typeText, waitForFrame } from './helpers/ink.js';
import { HOME_PROFILE } from './helpers/home-profile.js';
import { useLoginScreen } from './helpers/login-screen.js';
import { TempDirs } from './helpers/peer-temp.js';
import { useSilentDirectory } from './helpers/silent-directory.js';

const startLogin = useLoginScreen();
const temp = new TempDirs();
const silentDirectory = useSilentDirectory();

afterEach(async () => {
  await temp.cleanup();
});

/** The footer: the frame's last line. */
const footer = (frame: string) => frame.trimEnd().split('\n').at(-1) ?? '';

/** Picks the one saved profile, types the password and presses Enter. */
async function submitPassword(app: Parameters<typeof press>[0]) {
  await press(app, KEYS.enter);
  await waitForFrame(app, (f) => f.includes('Password:'));
  await typeText(app, 's3cret');
  await press(app, KEYS.enter);
  return waitForFrame(app, (f) => f.includes('Connecting…'));
}

describe('Esc during a login', () => {
  it('gives up on a directory that never answers, at once', async () => {
    // Given a profile whose directory accepts and never answers
    const { url: directoryUrl } = await silentDirectory();
    const home = await temp.make('ferry-home-');
    const profile: Profile = {
      ...HOME_PROFILE,
      directoryUrl,
      shareDir: await temp.make('ferry-share-'),
      downloadDir: await temp.make('ferry-downloads-'),
    };
    let attempt: Promise<unknown> = Promise.resolve();
    const connect = (request: LoginRequest, signal: AbortSignal) => {
      const started = connectPeer(request, { home, signal });
      attempt = started.catch((error: unknown) => error);
      return started;
    };
    const app = await startLogin(new MemoryProfileStore([profile]), {
      connect,
    });
    // And a login waiting on it
    const busy = await submitPassword(app);
    // Then the footer offers only what works: cancelling it
    expect(footer(busy).trim()).toBe('Esc cancel');
    // When Esc is pressed
    await press(app, KEYS.esc);
    // Then the prompt is back, saying so, with its keys
    const back = await waitForFrame(app, (f) => f.includes('Login cancelled.'));
    expect(back).not.toContain('Connecting…');
    expect(footer(back)).toContain('Esc back');
    // And the login is given up: it ends (its peer stopped) without an answer
    expect(await attempt).toBeInstanceOf(Error);
    // And the password box takes keys again
    await typeText(app, 'x');
    await waitForFrame(app, (f) => f.includes('Password: *******'));
  });

  it('stops the peer a given-up login brings later', async () => {
    // Given a login that has not finished yet
    const peer = new FakePeerClient({ tickMs: 0, username: 'hank' });
    let finishLogin = (_client: PeerClient): void => undefined;
    const connect = (_request: LoginRequest) =>
      new Promise<PeerClient>((resolve) => {
        finishLogin = resolve;
      });
    const app = await startLogin(new MemoryProfileStore([HOME_PROFILE]), {
      connect,
    });
    await submitPassword(app);
    // When Esc gives it up
    await press(app, KEYS.esc);
    await waitForFrame(app, (f) => f.includes('Login cancelled.'));
    // And the login finishes after all
    finishLogin(peer);
    // Then its peer is stopped, not shown
    await expect
      .poll(() => peer.snapshot().connection)
      .toBe(ConnectionState.Offline);
    expect(app.lastFrame()).toContain('Password:');
    expect(app.lastFrame()).toContain('Login cancelled.');
  });
});

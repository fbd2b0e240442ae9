import { describe, expect, it } from 'vitest';
import type { LoginRequest } from '@ferry/peer-core';
import { MemoryProfileStore } from '@ferry/peer-core/testing';
import { KEYS, press, typeText, waitForFrame } from './helpers/ink.js';
import { HOME_PROFILE } from './helpers/home-profile.js';
import { useLoginScreen } from './helpers/login-screen.js';

const start = useLoginScreen();

describe('ferry login screen and the directory account rules', () => {
  it.each(['Bad User', 'hi', 'x'.repeat(33)])(
    'refuses to save a profile whose username %j no directory accepts',
    async (username) => {
      // Given the new profile form
      const store = new MemoryProfileStore();
      const app = await start(store);
      await press(app, 'n');
      await waitForFrame(app, (f) => f.includes('New profile'));
      // When a name and a username the directory refuses are saved
      await typeText(app, 'work');
      await press(app, KEYS.tab, KEYS.tab, username, KEYS.enter);
      // Then the form says what a username may be, and saves nothing
      await waitForFrame(app, (f) =>
        f.includes('Username must be 3–32 characters of a-z 0-9 _ . -'),
      );
      expect(store.list()).toEqual([]);
    },
  );

  it('refuses to register a password no directory accepts, asking nothing', async () => {
    // Given the password prompt of a saved profile, switched to register
    const requests: LoginRequest[] = [];
    const app = await start(new MemoryProfileStore([HOME_PROFILE]), {
      requests,
    });
    await press(app, KEYS.enter);
    await waitForFrame(app, (f) => f.includes('Password:'));
    await press(app, KEYS.tab);
    await waitForFrame(app, (f) => f.includes('Enter registers'));
    // When a 7-byte password is submitted
    await typeText(app, 'seven77');
    await press(app, KEYS.enter);
    // Then the prompt says why, the directory is not asked, and a longer
    // password typed on registers
    await waitForFrame(app, (f) =>
      f.includes("A new account's password must be 8–1024 bytes."),
    );
    expect(requests).toEqual([]);
    await typeText(app, '8');
    await press(app, KEYS.enter);
    await waitForFrame(app, (f) => f.includes('1 Peers'));
    expect(requests).toEqual([
      { profile: HOME_PROFILE, password: 'seven778', register: true },
    ]);
  });
});

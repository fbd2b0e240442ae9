import { afterEach, describe, expect, it, vi } from 'vitest';
import { sampleFile } from '@ferry/peer-core/testing';
import { KEYS, press, waitForFrame } from './helpers/ink.js';
import { useFakeMainScreen } from './helpers/main-screen.js';

const NOTICE = 'That file is in your own share.';

afterEach(() => {
  vi.useRealTimers();
});

const start = useFakeMainScreen();

describe('ferry footer notices', () => {
  it('clears a notice 8 s after it shows', async () => {
    // Given the clock under the test's control (it still runs on its own)
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { app } = await start({ ownFiles: [sampleFile('notes.txt', 10)] });
    // When a notice shows (Enter on a file of our own share)
    await press(app, 'o');
    await waitForFrame(app, (f) => f.includes('your share · 1 file'));
    await press(app, KEYS.enter);
    await waitForFrame(app, (f) => f.includes(NOTICE));
    // Then it is still there at 6 s, and gone after
    await vi.advanceTimersByTimeAsync(6_000);
    await press(app, KEYS.down);
    expect(app.lastFrame()).toContain(NOTICE);
    await vi.advanceTimersByTimeAsync(2_100);
    await waitForFrame(app, (f) => !f.includes(NOTICE));
  });
});

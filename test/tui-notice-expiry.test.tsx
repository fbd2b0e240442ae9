import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakePeerClient, sampleFile } from '@ferry/peer-core/testing';
import { KEYS, press, waitForFrame, type InkInstance } from './helpers/ink.js';
import { renderMainScreen } from './helpers/main-screen.js';

const NOTICE = 'That file is in your own share.';

let instance: InkInstance | undefined;
let client: FakePeerClient | undefined;

afterEach(async () => {
  instance?.unmount();
  instance = undefined;
  await client?.stop();
  vi.useRealTimers();
});

describe('ferry footer notices', () => {
  it('clears a notice 8 s after it shows', async () => {
    // Given the clock under the test's control (it still runs on its own)
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const peer = new FakePeerClient({
      username: 'hank',
      tickMs: 0,
      ownFiles: [sampleFile('notes.txt', 10)],
    });
    client = peer;
    instance = await renderMainScreen(peer);
    // When a notice shows (Enter on a file of our own share)
    await press(instance, 'o');
    await waitForFrame(instance, (f) => f.includes('your share · 1 file'));
    await press(instance, KEYS.enter);
    await waitForFrame(instance, (f) => f.includes(NOTICE));
    // Then it is still there at 6 s, and gone after
    await vi.advanceTimersByTimeAsync(6_000);
    await press(instance, KEYS.down);
    expect(instance.lastFrame()).toContain(NOTICE);
    await vi.advanceTimersByTimeAsync(2_100);
    await waitForFrame(instance, (f) => !f.includes(NOTICE));
  });
});

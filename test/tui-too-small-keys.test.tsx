import { describe, expect, it, vi } from 'vitest';
import { KEYS, press, resize, waitForFrame } from './helpers/ink.js';
import { useFakeMainScreen } from './helpers/main-screen.js';

const start = useFakeMainScreen();

/** Whether `frame` is the main screen laid out in a 30-row window. */
const full = (frame: string) =>
  frame.includes('1 Peers') && frame.split('\n').length > 24;

describe('keys behind the "window too small" screen', () => {
  it('act not at all, but Ctrl+C still quits', async () => {
    // Given the main screen in a window too small for it
    const { app, client } = await start();
    const stop = vi.spyOn(client, 'stop');
    resize(app, 100, 30);
    const before = await waitForFrame(app, full);
    resize(app, 30, 10);
    await waitForFrame(app, (f) => f.includes('Make the window bigger'));
    // When the main screen's keys are pressed there, unseen
    await press(app, 'q', '?', '3', KEYS.tab, 'o', '/');
    // Then none of them acted: ferry is still running and, back at a usable
    // size, the screen is as it was (no help, no search box, Peers focused)
    expect(app.lastFrame()).toContain('Make the window bigger');
    expect(stop).not.toHaveBeenCalled();
    resize(app, 100, 30);
    const after = await waitForFrame(app, full);
    expect(after).toBe(before);
    // And when Ctrl+C is pressed in the small window, it quits
    resize(app, 30, 10);
    await waitForFrame(app, (f) => f.includes('Make the window bigger'));
    await press(app, KEYS.ctrlC);
    await vi.waitFor(() => expect(stop).toHaveBeenCalledTimes(1));
  });
});

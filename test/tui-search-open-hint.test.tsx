import { describe, expect, it } from 'vitest';
import { sampleFile } from '@ferry/peer-core/testing';
import {
  KEYS,
  press,
  typeText,
  waitForFrame,
  type InkInstance,
} from './helpers/ink.js';
import { useFakeMainScreen } from './helpers/main-screen.js';

const startMainScreen = useFakeMainScreen();

/** The main screen; alice shares one waltz. */
async function start(): Promise<InkInstance> {
  const { app } = await startMainScreen({
    peers: [{ username: 'alice', files: [sampleFile('waltz.flac', 10)] }],
  });
  return app;
}

describe('the Files pane’s hint while the search box is open', () => {
  it('says what to type instead of "Press / to search"', async () => {
    // Given the main screen with nothing listed in Files
    const app = await start();
    expect(app.lastFrame()).toContain('Press / to search');
    // When the search box is opened
    await press(app, '/');
    const frame = await waitForFrame(app, (f) => f.includes('search: '));
    // Then the pane no longer tells to press /, but what to do in the box
    expect(frame).not.toContain('Press / to search');
    expect(frame).toContain('Type words of a file name; ⏎ searches');
    // And closing the box brings the old hint back
    await press(app, KEYS.esc);
    await waitForFrame(app, (f) => f.includes('Press / to search'));
  });

  it('drops "/ searches again" from a search that found nothing', async () => {
    // Given a search that found nothing
    const app = await start();
    await press(app, '/');
    await typeText(app, 'zzz');
    await press(app, KEYS.enter);
    await waitForFrame(app, (f) => f.includes('/ searches again.'));
    // When the search box is opened again
    await press(app, '/');
    const frame = await waitForFrame(app, (f) => f.includes('↑ last search'));
    // Then the pane still says nothing matched, without telling to press /
    expect(frame).toContain('No file on an online peer matches "zzz".');
    expect(frame).not.toContain('/ searches again');
  });
});

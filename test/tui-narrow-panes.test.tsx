import { describe, expect, it } from 'vitest';
import { sampleFile } from '@ferry/peer-core/testing';
import {
  KEYS,
  press,
  resize,
  typeText,
  waitForFrame,
  type InkInstance,
} from './helpers/ink.js';
import { useFakeMainScreen } from './helpers/main-screen.js';

const startMainScreen = useFakeMainScreen();

/** The main screen of three peers; alice and carol share a waltz each. */
async function start(): Promise<InkInstance> {
  const { app } = await startMainScreen({
    peers: [
      { username: 'alice', files: [sampleFile('waltz.flac', 10)] },
      { username: 'bartholomew', files: [sampleFile('b.txt', 5)] },
      { username: 'carol', files: [sampleFile('waltz in a minor.flac', 20)] },
    ],
  });
  return app;
}

describe('the panes in a narrow terminal', () => {
  it('keeps peer names readable at 40×15, dropping the count column', async () => {
    // Given the main screen
    const app = await start();
    // When the terminal is 40×15
    resize(app, 40, 15);
    const frame = await waitForFrame(app, (f) => /^╭─{11}╮/m.test(f));
    // Then each name gets the whole row: short ones whole, long ones cut late
    expect(frame).toMatch(/│▸ alice\s*││/);
    expect(frame).toMatch(/│ {2}bartholo…││/);
  });

  it('keeps whole names and file counts at 80×24, dropping the size', async () => {
    // Given the main screen
    const app = await start();
    // When the terminal is 80×24
    resize(app, 80, 24);
    const frame = await waitForFrame(app, (f) => /^╭─{24}╮/m.test(f));
    // Then peer rows show each whole name and its file count
    expect(frame).toMatch(/│▸ alice {16}1││/);
    expect(frame).toMatch(/│ {2}bartholomew {10}1││/);
  });

  it('keeps name, file count and size at 100 columns', async () => {
    // Given the main screen
    const app = await start();
    // When the terminal is 100×30
    resize(app, 100, 30);
    const frame = await waitForFrame(app, (f) => /^╭─{31}╮/m.test(f));
    // Then peer rows show every column
    expect(frame).toMatch(/│▸ alice {13}1 {6}10 B││/);
  });

  it('keeps file names readable at 40×15, dropping the sources column', async () => {
    // Given the main screen at 40×15
    const app = await start();
    resize(app, 40, 15);
    await waitForFrame(app, (f) => /^╭─{11}╮/m.test(f));
    // When a search finds two files
    await press(app, '/');
    await typeText(app, 'waltz');
    await press(app, KEYS.enter);
    const frame = await waitForFrame(app, (f) => f.includes('waltz in a m'));
    // Then each row gives the name 13 columns, then the size
    expect(frame).toMatch(/│▸ waltz\.flac {9}10 B│/);
    expect(frame).toMatch(/│ {2}waltz in a m… {6}20 B│/);
    expect(frame).not.toContain('SOURCES');
  });

  it.each([
    [40, 15, /│▸ ↓ big-movie… █{2}░{4} {2}40% paused {5}│/],
    [58, 15, /│▸ ↓ big-movie-of-… █{4}░{5} {2}40% {12}paused {5}│/],
  ])(
    "keeps a transfer's state whole at %i×%i, dropping what there is no room for",
    async (columns, rows, row) => {
      // Given a paused download, 40% done, in a terminal of that size
      const movie = sampleFile('big-movie-of-the-year.mkv', 10_000_000);
      const { app, client } = await startMainScreen({
        peers: [{ username: 'alice', files: [movie] }],
      });
      resize(app, columns, rows);
      const id = client.download(movie);
      client.tick(1);
      client.pause(id);
      // When the Transfers pane shows it
      await press(app, '3');
      const frame = await waitForFrame(app, (f) => f.includes('paused'));
      // Then its row keeps the name, bar, percent and state, all whole
      expect(frame).toMatch(row);
    },
  );
});

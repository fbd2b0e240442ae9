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

/** The main screen, alice sharing 201 songs and one waltz. */
async function start(): Promise<InkInstance> {
  const songs = Array.from({ length: 201 }, (_, i) =>
    sampleFile(`song ${i}.mp3`, 1000 + i),
  );
  const { app } = await startMainScreen({
    peers: [
      { username: 'alice', files: [...songs, sampleFile('waltz.flac', 10)] },
    ],
  });
  return app;
}

async function search(app: InkInstance, words: string): Promise<string> {
  await press(app, '/');
  await typeText(app, words);
  await press(app, KEYS.enter);
  return waitForFrame(app, (f) => /search: \S+ · \d/.test(f));
}

describe('a search that matches more files than it lists', () => {
  it('shows "200+ results" and says to add words', async () => {
    // Given 201 files named "song …"
    const app = await start();
    // When hank searches for "song" (the TUI lists up to 200)
    const frame = await search(app, 'song');
    // Then the title says there are more, and a notice says what to do
    expect(frame).toContain('search: song · 200+ results');
    expect(frame).toContain('More files match than are listed');
  });

  it('shows the plain count when it lists every match', async () => {
    // Given the same share
    const app = await start();
    // When hank searches for "waltz"
    const frame = await search(app, 'waltz');
    // Then the title counts the one result, with no "+" and no notice
    expect(frame).toContain('search: waltz · 1 result');
    expect(frame).not.toContain('More files match');
  });
});

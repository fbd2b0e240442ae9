import { describe, expect, it } from 'vitest';
import { displayWidth } from '@ferry/tui';
import { sampleFile } from '@ferry/peer-core/testing';
import { KEYS, press, waitForFrame } from './helpers/ink.js';
import {
  useFakeMainScreen,
  type FakeMainScreen,
} from './helpers/main-screen.js';

const start = useFakeMainScreen();

/** The app on a fake network where `alice` shares `files`, browsed. */
async function browse(
  files: ReturnType<typeof sampleFile>[],
): Promise<FakeMainScreen> {
  const screen = await start({ peers: [{ username: 'alice', files }] });
  await press(screen.app, KEYS.enter);
  await waitForFrame(screen.app, (f) => f.includes("alice's share"));
  return screen;
}

describe('downloading from the Files pane', () => {
  it('says "Already downloading" on a second Enter and starts one transfer', async () => {
    // Given a peer's file downloading after Enter
    const { app, client } = await browse([
      sampleFile('waltz.flac', 48_200_000),
    ]);
    await press(app, KEYS.enter);
    await waitForFrame(app, (f) => f.includes('Downloading waltz.flac'));
    // When Enter is pressed on it again
    await press(app, KEYS.enter);
    // Then the notice says so and there is still one transfer
    await waitForFrame(app, (f) =>
      f.includes('Already downloading waltz.flac'),
    );
    expect(client.snapshot().transfers).toHaveLength(1);
  });

  it('shows a notice naming a hostile file safely, on one line', async () => {
    // Given files named with colour codes and a bell, and a very long name
    const evil = 'evil\u001b[31mRED\u001b[0m\u0007.txt';
    const long = `${'x'.repeat(190)}.bin`;
    const { app } = await browse([sampleFile(evil, 10), sampleFile(long, 10)]);
    // When the hostile one is downloaded
    await press(app, KEYS.enter);
    const frame = await waitForFrame(app, (f) => f.includes('Downloading'));
    // Then its escape codes never reach the terminal
    expect(frame).toContain('Downloading evil\uFFFD[31mRED\uFFFD[0m\uFFFD.txt');
    expect(frame).not.toContain('\u001b[31m');
    expect(frame).not.toContain('\u0007');
    // When the long one is downloaded
    await press(app, 'j', KEYS.enter);
    const cut = await waitForFrame(app, (f) => f.includes('Downloading xxx'));
    // Then the notice is cut to the footer line; the panes keep their border
    const lines = cut.split('\n');
    const footer = lines.at(-1) ?? '';
    expect(footer).toContain('…');
    expect(displayWidth(footer)).toBeLessThan(100);
    expect(lines.at(-2)).toMatch(/^╰─+╯$/);
  });
});

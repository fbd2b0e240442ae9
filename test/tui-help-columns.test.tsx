import { describe, expect, it } from 'vitest';
import { press, resize, waitForFrame } from './helpers/ink.js';
import { useFakeMainScreen } from './helpers/main-screen.js';

const start = useFakeMainScreen();

/** The help overlay in a terminal `columns` wide and 40 rows tall. */
async function helpAt(columns: number): Promise<string> {
  const { app } = await start();
  resize(app, columns, 40);
  await waitForFrame(app, (f) =>
    f
      .split('\n')
      .some((line) => /^╭─+╮$/.test(line) && line.length === columns),
  );
  await press(app, '?');
  return waitForFrame(app, (f) => f.includes('Keys'));
}

describe('the ? help in a wide terminal', () => {
  it('shows two columns at 120 columns, the longest description wrapped', async () => {
    // Given the main screen 120 columns wide
    // When ? opens the help
    const help = await helpAt(120);
    // Then a second column of keys stands beside the first
    expect(help).toMatch(/Tab +next pane +[^║\s]/);
    // And the search box's Enter wraps its description under its keys
    expect(help).toMatch(/⏎ +run the search \(with nothing typed: close\s/);
  });

  it('shows one column at 100 columns', async () => {
    // Given the main screen 100 columns wide
    // When ? opens the help
    const help = await helpAt(100);
    // Then each line holds one key
    expect(help).toMatch(/Tab +next pane +║/);
  });
});

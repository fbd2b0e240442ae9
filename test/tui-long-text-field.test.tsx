import { afterEach, describe, expect, it } from 'vitest';
import { App } from '@ferry/tui';
import { FakePeerClient, MemoryProfileStore } from '@ferry/peer-core/testing';
import {
  KEYS,
  press,
  renderApp,
  waitForFrame,
  type InkInstance,
} from './helpers/ink.js';
import { HOME_PROFILE } from './helpers/home-profile.js';
import { renderMainScreen } from './helpers/main-screen.js';

// ink-testing-library's terminal is 100 columns wide: 300 characters
// would take three or more lines if a text box wrapped them.
const LONG = 'w'.repeat(297) + 'END';

let instance: InkInstance | undefined;
let peer: FakePeerClient | undefined;

afterEach(async () => {
  instance?.unmount();
  instance = undefined;
  await peer?.stop();
});

function linesWith(frame: string, text: string): string[] {
  return frame.split('\n').filter((line) => line.includes(text));
}

describe('ferry text boxes with more text than fits', () => {
  it('keeps a long search on one line, its end and the cursor in view', async () => {
    // Given the main screen with the search box open
    peer = new FakePeerClient({ tickMs: 0, username: 'hank' });
    instance = await renderMainScreen(peer);
    await waitForFrame(instance, (f) => f.includes('Peers'));
    await press(instance, '/');
    await waitForFrame(instance, (f) => f.includes('search: '));
    // When a query far wider than the pane is pasted
    await press(instance, LONG);
    // Then the search line shows its cut start and its end on one line
    const frame = await waitForFrame(instance, (f) => f.includes('END'));
    const lines = linesWith(frame, 'www');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/search: …w+END/);
  });

  it('keeps a long profile field and a long password on one line', async () => {
    // Given the login screen with one saved profile
    peer = new FakePeerClient({ tickMs: 0, username: 'hank' });
    instance = await renderApp(
      <App
        store={new MemoryProfileStore([HOME_PROFILE])}
        connect={() => Promise.resolve(peer as FakePeerClient)}
      />,
    );
    await waitForFrame(instance, (f) => f.includes('hank@127.0.0.1:7070'));
    // When a long share folder is typed into the edit form
    await press(instance, 'e');
    await waitForFrame(instance, (f) => f.includes('Edit profile home'));
    await press(instance, KEYS.tab, KEYS.tab, KEYS.tab, LONG);
    // Then it stays on its own line, the fields below it in place
    const form = await waitForFrame(instance, (f) => f.includes('END'));
    expect(linesWith(form, 'www')).toHaveLength(1);
    expect(form).toMatch(/Share folder +…w+END/);
    expect(form).toMatch(/Download folder +\/tmp\/downloads/);
    // When a long password is typed for the profile
    await press(instance, KEYS.esc, KEYS.enter);
    await waitForFrame(instance, (f) => f.includes('Password:'));
    await press(instance, LONG);
    // Then the masked password takes one line too
    const prompt = await waitForFrame(instance, (f) =>
      f.includes('*'.repeat(80)),
    );
    expect(linesWith(prompt, '***')).toHaveLength(1);
    expect(prompt).toMatch(/Password: …\*+/);
  });
});

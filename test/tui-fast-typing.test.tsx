import { afterEach, describe, expect, it } from 'vitest';
import { App } from '@ferry/tui';
import {
  FakePeerClient,
  MemoryProfileStore,
  sampleFile,
} from '@ferry/peer-core/testing';
import {
  press,
  renderApp,
  waitForFrame,
  type InkInstance,
} from './helpers/ink.js';

let instance: InkInstance | undefined;
let client: FakePeerClient | undefined;

afterEach(async () => {
  instance?.unmount();
  instance = undefined;
  await client?.stop();
});

/** Writes each character as its own keystroke, with no pause between. */
function typeInBurst(app: InkInstance, text: string): void {
  for (const char of text) app.stdin.write(char);
}

describe('text boxes under fast typing', () => {
  it('keeps every character typed faster than the screen redraws', async () => {
    // Given the main screen with the search box open
    client = new FakePeerClient({
      username: 'hank',
      tickMs: 0,
      peers: [{ username: 'alice', files: [sampleFile('river.bin', 10)] }],
      ownFiles: [],
    });
    const peer = client;
    instance = await renderApp(
      <App
        store={new MemoryProfileStore()}
        connect={() => Promise.resolve(peer)}
        client={peer}
      />,
    );
    await waitForFrame(instance, (f) => f.includes('Peers'));
    await press(instance, '/');
    // When a query is typed in one burst of separate keystrokes
    await waitForFrame(instance, (f) => f.includes('Enter to search'));
    typeInBurst(instance, 'danube waltz');
    // Then the box shows all of it, in order
    const frame = await waitForFrame(instance, (f) =>
      f.includes('search: danube waltz'),
    );
    expect(frame).toContain('search: danube waltz');
  });
});

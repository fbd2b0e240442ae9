import { afterEach } from 'vitest';
import type { PeerClient } from '@ferry/peer-core';
import {
  FakePeerClient,
  MemoryProfileStore,
  type FakePeerClientOptions,
} from '@ferry/peer-core/testing';
import { App } from '@ferry/tui';
import { renderApp, waitForFrame, type InkInstance } from './ink.js';

/** The app on its main screen, logged in as `client`. */
export function renderMainScreen(client: PeerClient): Promise<InkInstance> {
  return renderApp(
    <App
      store={new MemoryProfileStore()}
      connect={() => Promise.resolve(client)}
      client={client}
    />,
  );
}

/** A main screen started by `useFakeMainScreen`, and its fake network. */
export interface FakeMainScreen {
  app: InkInstance;
  client: FakePeerClient;
}

/**
 * Call once at a test file's top level. Returns `start`, which shows the
 * main screen of `hank` on a fake network (no tick delay) built from
 * `options`, once it lists its peers; each test's screens and networks are
 * unmounted and stopped after it.
 */
export function useFakeMainScreen(): (
  options?: FakePeerClientOptions,
) => Promise<FakeMainScreen> {
  const apps: InkInstance[] = [];
  const clients: FakePeerClient[] = [];
  afterEach(async () => {
    for (const app of apps.splice(0)) app.unmount();
    for (const client of clients.splice(0)) await client.stop();
  });
  return async (options = {}) => {
    const client = new FakePeerClient({
      username: 'hank',
      tickMs: 0,
      ...options,
    });
    clients.push(client);
    const app = await renderMainScreen(client);
    apps.push(app);
    await waitForFrame(app, (f) => f.includes('Peers'));
    return { app, client };
  };
}

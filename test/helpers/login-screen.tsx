import { afterEach } from 'vitest';
import type { LoginRequest, ProfileStore } from '@ferry/peer-core';
import { FakePeerClient } from '@ferry/peer-core/testing';
import { App, type AppProps } from '@ferry/tui';
import { renderApp, type InkInstance } from './ink.js';

export interface LoginScreenOptions {
  /** Each login's request is pushed here. */
  requests?: LoginRequest[];
  /** Who a login on the fake network becomes (`hank`). */
  username?: string;
  /** What a login does instead of joining the fake network. */
  connect?: AppProps['connect'];
  overrides?: AppProps['overrides'];
}

/**
 * Call once at a test file's top level. Returns `start`, which shows the
 * app's login screen on `store`; a login joins a fake network (no tick
 * delay) unless `connect` is given. Each test's screens and networks are
 * unmounted and stopped after it.
 */
export function useLoginScreen(): (
  store: ProfileStore,
  options?: LoginScreenOptions,
) => Promise<InkInstance> {
  const apps: InkInstance[] = [];
  const clients: FakePeerClient[] = [];
  afterEach(async () => {
    for (const app of apps.splice(0)) app.unmount();
    for (const client of clients.splice(0)) await client.stop();
  });
  return async (store, options = {}) => {
    const { requests = [], username = 'hank', overrides } = options;
    let connect = options.connect;
    if (connect === undefined) {
      const client = new FakePeerClient({ tickMs: 0, username });
      clients.push(client);
      connect = (request) => {
        requests.push(request);
        return Promise.resolve(client);
      };
    }
    const app = await renderApp(
      <App store={store} connect={connect} overrides={overrides} />,
    );
    apps.push(app);
    return app;
  };
}

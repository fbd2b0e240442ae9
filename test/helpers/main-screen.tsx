import type { PeerClient } from '@ferry/peer-core';
import { MemoryProfileStore } from '@ferry/peer-core/testing';
import { App } from '@ferry/tui';
import { renderApp, type InkInstance } from './ink.js';

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

import { afterEach, describe, expect, it } from 'vitest';
import { App } from '@ferry/tui';
import {
  ConnectionState,
  type LoginRequest,
  type PeerClient,
} from '@ferry/peer-core';
import { FakePeerClient, MemoryProfileStore } from '@ferry/peer-core/testing';
import {
  KEYS,
  press,
  renderApp,
  typeText,
  waitForFrame,
  type InkInstance,
} from './helpers/ink.js';
import { HOME_PROFILE } from './helpers/home-profile.js';

const home = HOME_PROFILE;

let instance: InkInstance | undefined;
afterEach(() => {
  instance?.unmount();
  instance = undefined;
});

describe('ferry quit during a login', () => {
  it('stops the peer that a login still under way starts', async () => {
    // Given a login that has not finished yet
    const peer = new FakePeerClient({ tickMs: 0, username: 'hank' });
    let finishLogin = (_client: PeerClient): void => undefined;
    const connect = (_request: LoginRequest) =>
      new Promise<PeerClient>((resolve) => {
        finishLogin = resolve;
      });
    instance = await renderApp(
      <App store={new MemoryProfileStore([home])} connect={connect} />,
    );
    await press(instance, KEYS.enter);
    await waitForFrame(instance, (f) => f.includes('Password:'));
    await typeText(instance, 's3cret');
    await press(instance, KEYS.enter);
    // When the user presses Ctrl+C before it finishes
    await press(instance, KEYS.ctrlC);
    await waitForFrame(instance, (f) =>
      f.includes('waiting for the login under way'),
    );
    expect(peer.snapshot().connection).not.toBe(ConnectionState.Offline);
    // Then the peer it brings is stopped, not left running unseen
    finishLogin(peer);
    await expect
      .poll(() => peer.snapshot().connection)
      .toBe(ConnectionState.Offline);
  });
});

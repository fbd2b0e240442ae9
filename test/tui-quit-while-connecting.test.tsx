import { describe, expect, it } from 'vitest';
import {
  ConnectionState,
  type LoginRequest,
  type PeerClient,
} from '@ferry/peer-core';
import { FakePeerClient, MemoryProfileStore } from '@ferry/peer-core/testing';
import { KEYS, press, typeText, waitForFrame } from './helpers/ink.js';
import { HOME_PROFILE } from './helpers/home-profile.js';
import { useLoginScreen } from './helpers/login-screen.js';

const home = HOME_PROFILE;
const startLogin = useLoginScreen();

describe('ferry quit during a login', () => {
  it('stops the peer that a login still under way starts', async () => {
    // Given a login that has not finished yet
    const peer = new FakePeerClient({ tickMs: 0, username: 'hank' });
    let finishLogin = (_client: PeerClient): void => undefined;
    const connect = (_request: LoginRequest) =>
      new Promise<PeerClient>((resolve) => {
        finishLogin = resolve;
      });
    const instance = await startLogin(new MemoryProfileStore([home]), {
      connect,
    });
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

import { afterEach, describe, expect, it } from 'vitest';
import type { PeerSnapshot, PeerSummary } from '@ferry/peer-core';
import { FakePeerClient, sampleFile } from '@ferry/peer-core/testing';
import { KEYS, press, waitForFrame, type InkInstance } from './helpers/ink.js';
import { renderMainScreen } from './helpers/main-screen.js';

/** A fake network whose online peers can go offline. */
class ShrinkingNetwork extends FakePeerClient {
  #offline = new Set<string>();
  #listeners = new Set<(snapshot: PeerSnapshot) => void>();
  /** The last snapshot shown and the one it was made from. */
  #last: { from: PeerSnapshot; shown: PeerSnapshot } | undefined;

  override snapshot(): PeerSnapshot {
    const from = super.snapshot();
    if (this.#last?.from !== from) {
      const peers = from.peers.filter(
        (p: PeerSummary) => !this.#offline.has(p.username),
      );
      this.#last = { from, shown: { ...from, peers } };
    }
    return this.#last.shown;
  }

  override subscribe(listener: (snapshot: PeerSnapshot) => void) {
    this.#listeners.add(listener);
    const off = super.subscribe(listener);
    return () => {
      this.#listeners.delete(listener);
      off();
    };
  }

  goOffline(...usernames: string[]): void {
    for (const name of usernames) this.#offline.add(name);
    this.#last = undefined;
    const now = this.snapshot();
    for (const listener of this.#listeners) listener(now);
  }
}

let instance: InkInstance | undefined;
let client: ShrinkingNetwork;

afterEach(async () => {
  instance?.unmount();
  instance = undefined;
  await client.stop();
});

describe('ferry list cursors', () => {
  it('keeps the Peers cursor on a real row when peers go offline', async () => {
    // Given three peers online, the cursor on the last one
    client = new ShrinkingNetwork({
      username: 'hank',
      tickMs: 0,
      peers: ['alice', 'bob', 'carol'].map((username) => ({
        username,
        files: [sampleFile(`${username}.txt`, 10)],
      })),
    });
    instance = await renderMainScreen(client);
    await waitForFrame(instance, (f) => f.includes('3 online'));
    await press(instance, 'G');
    await waitForFrame(instance, (f) => f.includes('▸ carol'));
    // When bob and carol go offline
    client.goOffline('bob', 'carol');
    // Then alice, the one row left, is selected, and Enter browses her
    const frame = await waitForFrame(instance, (f) => f.includes('1 online'));
    expect(frame).toContain('▸ alice');
    await press(instance, KEYS.enter);
    await waitForFrame(instance, (f) => f.includes("alice's share · 1 file"));
  });
});

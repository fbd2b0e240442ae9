import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDirectory, type RunningDirectory } from '@ferry/directory';
import { connectPeer, type PeerClient } from '@ferry/peer-core';
import {
  KEYS,
  press,
  typeText,
  waitForFrame,
  type InkInstance,
} from './helpers/ink.js';
import { renderMainScreen } from './helpers/main-screen.js';

let root: string | undefined;
let directory: RunningDirectory | undefined;
let hank: PeerClient | undefined;
let instance: InkInstance | undefined;

afterEach(async () => {
  instance?.unmount();
  instance = undefined;
  await hank?.stop();
  await directory?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('ferry search failures', { timeout: 60_000 }, () => {
  it('shows a search the directory could not answer as failed, with why', async () => {
    // Given hank logged in to a real directory
    root = await mkdtemp(join(tmpdir(), 'ferry-search-failed-'));
    directory = await startDirectory({ dbPath: join(root, 'directory.db') });
    const shareDir = join(root, 'share');
    await mkdir(shareDir, { recursive: true });
    hank = await connectPeer(
      {
        profile: {
          name: 'hank',
          directoryUrl: directory.url,
          username: 'hank',
          shareDir,
          downloadDir: join(root, 'downloads'),
          listen: '127.0.0.1:0',
        },
        password: 'correct horse battery',
        register: true,
      },
      {
        home: root,
        settleMs: 0,
        directory: { timeoutMs: 5_000, retries: 0 },
      },
    );
    const client = hank;
    instance = await renderMainScreen(client);
    await waitForFrame(instance, (f) => f.includes('hank@'));
    // When the directory goes away and hank searches
    await directory.close();
    directory = undefined;
    await press(instance, '/');
    await typeText(instance, 'waltz');
    await press(instance, KEYS.enter);
    // Then the Files pane says the search failed and why, not "no match"
    const frame = await waitForFrame(instance, (f) => f.includes('Failed:'));
    expect(frame).toMatch(/Failed: .*directory unreachable/);
    expect(frame).toContain('search: waltz · failed');
    expect(frame).not.toContain('0 results');
    expect(frame).not.toContain('No file on an online peer matches');
  });
});

import { createServer, type Server } from 'node:net';
import { ConnectionState } from '@ferry/peer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startTestDirectory,
  type TestDirectory,
} from './helpers/peer-directory.js';
import {
  startTestPeer,
  waitForConnection,
  type TestPeer,
} from './helpers/peer-network.js';
import { TempDirs, waitFor } from './helpers/peer-temp.js';

const temp = new TempDirs();
let directory: TestDirectory;
let alice: TestPeer;
let refuser: Server | undefined;

/**
 * Listens where the directory was and drops every connection at once,
 * noting when each try came.
 */
async function refuseOn(port: number): Promise<number[]> {
  const tries: number[] = [];
  refuser = createServer((socket) => {
    tries.push(Date.now());
    socket.destroy();
  });
  const server = refuser;
  await new Promise<void>((resolve) =>
    server.listen(port, '127.0.0.1', resolve),
  );
  return tries;
}

function closeRefuser(): Promise<void> {
  const server = refuser;
  refuser = undefined;
  return new Promise((resolve) => {
    if (server === undefined) resolve();
    else server.close(() => resolve());
  });
}

beforeAll(async () => {
  directory = await startTestDirectory(await temp.make('ferry-dir-'));
  alice = await startTestPeer(temp, 'alice', directory.url);
});

afterAll(async () => {
  await closeRefuser();
  await alice?.peer.stop();
  await directory?.close();
  await temp.cleanup();
});

describe('while the directory cannot be reached', () => {
  it('retries with growing waits, says why, and recovers when it is back', async () => {
    // Given the directory gone and its port dropping every connection
    await directory.close();
    const tries = await refuseOn(Number(new URL(directory.url).port));
    // Then the peer says it is reconnecting, and why
    await waitForConnection(
      alice.peer,
      ConnectionState.Reconnecting,
      'alice to notice',
    );
    expect(alice.peer.snapshot().connectionError).toMatch(/unreachable/);
    // And each wait between tries is longer than the one before
    await waitFor(
      () => (tries.length >= 5 ? true : undefined),
      'five tries',
      30_000,
    );
    const gaps = tries.slice(1, 5).map((at, i) => at - (tries[i] ?? at));
    for (let i = 1; i < gaps.length; i += 1) {
      expect(gaps[i]).toBeGreaterThan(gaps[i - 1] ?? 0);
    }
    // When the directory is back, the peer is online again by itself
    await closeRefuser();
    await directory.restart();
    await waitForConnection(
      alice.peer,
      ConnectionState.Online,
      'alice to be online again',
      30_000,
    );
    expect(alice.peer.snapshot().connectionError).toBeUndefined();
  });
});

import { createHash } from 'node:crypto';
import { copyFile, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import {
  ConnectionState,
  TransferState,
  type PeerSnapshot,
} from '@ferry/peer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startTestDirectory,
  type TestDirectory,
} from './helpers/peer-directory.js';
import { startTestPeer, type TestPeer } from './helpers/peer-network.js';
import { TempDirs, waitFor, writeRandomFile } from './helpers/peer-temp.js';

const temp = new TempDirs();
let directory: TestDirectory;
let alice: TestPeer;
let bob: TestPeer;
let carol: TestPeer;

async function sha256Of(file: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
}

function transferOf(snapshot: PeerSnapshot, id: string) {
  return snapshot.transfers.find((t) => t.id === id);
}

beforeAll(async () => {
  directory = await startTestDirectory(await temp.make('ferry-dir-'));
  alice = await startTestPeer(temp, 'alice', directory.url);
  bob = await startTestPeer(temp, 'bob', directory.url);
  carol = await startTestPeer(temp, 'carol', directory.url);
});

afterAll(async () => {
  await Promise.all([alice, bob, carol].map((p) => p?.peer.stop()));
  await directory?.close();
  await temp.cleanup();
});

describe('three peers and a directory on loopback', () => {
  it('each peer comes online and lists the others by itself', async () => {
    for (const { peer } of [alice, bob, carol]) {
      expect(peer.snapshot().connection).toBe(ConnectionState.Online);
      expect(peer.snapshot().listenAddress).toMatch(/^127\.0\.0\.1:\d+$/);
    }
    const names = await waitFor(() => {
      const list = alice.peer.snapshot().peers.map((p) => p.username);
      return list.length === 2 ? list : undefined;
    }, 'alice to see two peers');
    expect(names.sort()).toEqual(['bob', 'carol']);
    // And none lists itself, though the directory's list has everyone
    for (const { peer, profile } of [alice, bob, carol]) {
      await waitFor(
        () => (peer.snapshot().peers.length === 2 ? true : undefined),
        `${profile.username} to see two peers`,
      );
      const own = peer.snapshot().peers.map((p) => p.username);
      expect(own).not.toContain(profile.username);
    }
  });

  it('a file added to a share becomes searchable, and a removed one disappears', async () => {
    // Given a new file in carol's share
    const file = path.join(carol.shareDir, 'ephemeral-notes.txt');
    const sha256 = await writeRandomFile(file, 4096);
    // Then bob finds it within seconds
    const found = await waitFor(async () => {
      const { results } = await bob.peer.search('ephemeral');
      return results.find((r) => r.sha256 === sha256);
    }, 'the new file to be searchable');
    expect(found).toMatchObject({ name: 'ephemeral-notes.txt', size: 4096 });
    // When it is removed, it disappears from search
    await rm(file);
    await waitFor(async () => {
      const { results } = await bob.peer.search('ephemeral');
      return results.length === 0 ? true : undefined;
    }, 'the removed file to vanish');
  });

  it('downloads a file held by two peers, verified, with an upload on the sources', async () => {
    // Given the same 3 MiB file shared by alice and carol
    const size = 3 * 1024 * 1024 + 17;
    const sha256 = await writeRandomFile(
      path.join(alice.shareDir, 'danube waltz.flac'),
      size,
    );
    await copyFile(
      path.join(alice.shareDir, 'danube waltz.flac'),
      path.join(carol.shareDir, 'danube waltz.flac'),
    );
    const result = await waitFor(async () => {
      const { results } = await bob.peer.search('danube');
      return results.find((r) => r.sha256 === sha256 && r.sources === 2);
    }, 'two sources of the file');
    // When bob downloads it
    const events: number[] = [];
    const unsubscribe = bob.peer.subscribe(() => events.push(Date.now()));
    const id = bob.peer.download(result);
    const done = await waitFor(() => {
      const t = transferOf(bob.peer.snapshot(), id);
      if (t?.state === TransferState.Failed) throw new Error(t.error);
      return t?.state === TransferState.Done ? t : undefined;
    }, 'the download to finish');
    unsubscribe();
    // Then the file is complete and its hash matches
    expect(done.bytesDone).toBe(size);
    const saved = path.join(bob.downloadDir, 'danube waltz.flac');
    expect(await sha256Of(saved)).toBe(sha256);
    // And change events were throttled (never closer than ~100 ms)
    expect(events.length).toBeGreaterThan(1);
    const gaps = events.slice(1).map((at, i) => at - (events[i] ?? at));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(90);
    // And a source shows the upload
    await waitFor(() => {
      const ups = [alice, carol].flatMap(({ peer }) =>
        peer.snapshot().transfers.filter((t) => t.direction === 'up'),
      );
      return ups.some((t) => t.sha256 === sha256) ? true : undefined;
    }, 'an upload on a source');
  });

  it('browses a peer and lists its own files', async () => {
    const files = await bob.peer.browse('alice');
    expect(files.map((f) => f.name)).toContain('danube waltz.flac');
    const own = await alice.peer.ownFiles();
    expect(own.map((f) => f.path)).toEqual(files.map((f) => f.path).sort());
    expect(alice.peer.snapshot().share).toMatchObject({
      fileCount: own.length,
      scanning: false,
    });
  });
});

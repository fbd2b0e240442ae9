import {
  DirectoryClient,
  download,
  PIECE_SIZE,
  SourceState,
  TransferEvent,
  TransferState,
  type Peer,
  type SourceStats,
  type Transfer,
  type TransferSnapshot,
} from '@ferry/peer-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { press, waitForFrame, type InkInstance } from './helpers/ink.js';
import { renderMainScreen } from './helpers/main-screen.js';
import {
  startTestDirectory,
  type TestDirectory,
} from './helpers/peer-directory.js';
import {
  runPeerCli,
  spawnPeerCli,
  waitForJsonLine,
} from './helpers/peer-cli.js';
import {
  startTestPeer,
  TEST_PASSWORD,
  type TestPeer,
} from './helpers/peer-network.js';
import { waitFor } from './helpers/peer-temp.js';
import { startFakePeer, type FakePeer } from './helpers/transfer-fake-peers.js';
import {
  shareRandomFiles,
  TempDirs,
  type SharingPeer,
} from './helpers/transfer-fixtures.js';

const temp = new TempDirs();
const NOTE = /^no data from frozen for \d+ s$/;
let directory: TestDirectory;
let real: SharingPeer[];
let fake: FakePeer;
let fetcher: TestPeer | undefined;
let instance: InkInstance | undefined;
let file: { sha256: string; name: string; size: number };

/**
 * Given a file listed in a real directory only by "frozen", a source that
 * accepts every download and then sends nothing (its manifest is real).
 */
beforeEach(async () => {
  // Long TTL: "frozen" never sends a heartbeat.
  directory = await startTestDirectory(await temp.make('ferry-dir-'), 600_000);
  real = [];
  const sharing = await shareRandomFiles(temp, real, {
    'data.bin': 4 * PIECE_SIZE,
  });
  fake = await startFakePeer(sharing, 'stall');
  const entry = sharing.entry('data.bin');
  file = { sha256: entry.sha256, name: entry.name, size: entry.size };
  const client = new DirectoryClient(directory.url);
  await client.register('frozen', TEST_PASSWORD);
  const { token } = await client.login('frozen', TEST_PASSWORD);
  await client.announce(token, { host: '127.0.0.1', port: fake.port });
  await client.putFiles(token, [
    {
      name: entry.name,
      path: entry.path,
      size: entry.size,
      sha256: entry.sha256,
      piecesRoot: entry.piecesRoot,
      mtimeMs: Math.floor(entry.mtimeMs),
    },
  ]);
});

afterEach(async () => {
  instance?.unmount();
  instance = undefined;
  await fetcher?.peer.stop();
  fetcher = undefined;
  fake.close();
  await Promise.all(real.map((peer) => peer.close()));
  await directory.close();
  await temp.cleanup();
});

/** The first progress event in which `check` finds the source stats it wants. */
function statsWhere(
  transfer: Transfer,
  check: (source: SourceStats) => boolean,
): Promise<SourceStats> {
  return new Promise((resolve) => {
    const onProgress = (progress: { sources: SourceStats[] }) => {
      const found = progress.sources.find(check);
      if (found === undefined) return;
      transfer.off(TransferEvent.Progress, onProgress);
      resolve(found);
    };
    transfer.on(TransferEvent.Progress, onProgress);
  });
}

function noteOf(peer: Peer, id: string): TransferSnapshot | undefined {
  const transfer = peer.snapshot().transfers.find((t) => t.id === id);
  return transfer?.note === undefined ? undefined : transfer;
}

describe(
  'a download whose source stops sending says why',
  { timeout: 60_000 },
  () => {
    it('the queue snapshot and the Transfers pane name the quiet source', async () => {
      // When a real peer queues the file and the TUI shows its transfers
      fetcher = await startTestPeer(temp, 'fetcher', directory.url);
      const id = fetcher.peer.download(file);
      instance = await renderMainScreen(fetcher.peer);
      await press(instance, '3');
      // Then, long before the stall timeout, its snapshot says who is quiet
      const stalled = await waitFor(
        () => noteOf(fetcher!.peer, id),
        'a note on the stalled download',
        12_000,
      );
      expect(stalled.state).toBe(TransferState.Downloading);
      expect(stalled.note).toMatch(NOTE);
      expect(fake.downloads).toBeGreaterThan(0);
      // And the pane title shows it for the selected transfer
      const frame = await waitForFrame(
        instance,
        (f) => f.includes('data.bin: no data from frozen for'),
        5_000,
      );
      expect(frame).toContain(
        '3 Transfers · 1 · data.bin: no data from frozen',
      );
    });

    it('ferry-peer get --json carries the note in its progress lines', async () => {
      // Given an account for the command line
      const env = {
        FERRY_DIRECTORY: directory.url,
        FERRY_PASSWORD: TEST_PASSWORD,
        FERRY_HOME: await temp.make('ferry-get-home-'),
        FERRY_USER: 'getter',
      };
      expect((await runPeerCli(['register'], env)).status).toBe(0);
      // When it gets the file whose only source is quiet
      const child = spawnPeerCli(
        ['get', file.sha256, '--out', await temp.make('ferry-out-'), '--json'],
        env,
      );
      try {
        // Then a progress line says who is quiet
        const line = await waitForJsonLine(
          child.stdout!,
          (l) => l['event'] === 'progress' && l['note'] !== undefined,
          12_000,
        );
        expect(line['state']).toBe(TransferState.Downloading);
        expect(line['note']).toMatch(NOTE);
      } finally {
        child.kill('SIGKILL');
      }
    });

    it('the engine tells how long a source has been quiet and when a failed one is retried', async () => {
      // When the engine downloads from the quiet source and a refused port
      const transfer = download({
        sha256: file.sha256,
        sources: [
          { host: '127.0.0.1', port: fake.port, label: 'frozen' },
          { host: '127.0.0.1', port: 1, label: 'refused' },
        ],
        dir: await temp.make('ferry-out-'),
        name: file.name,
      });
      try {
        // Then the refused source waits with a retry time and its error
        const refused = await statsWhere(
          transfer,
          (s) => s.label === 'refused' && s.state === SourceState.Waiting,
        );
        expect(refused.retryInMs).toBeGreaterThanOrEqual(0);
        expect(refused.error).toBeDefined();
        expect(refused.quietMs).toBeUndefined();
        // And the quiet source, asked for data, counts its silence
        const quiet = await statsWhere(
          transfer,
          (s) => s.label === 'frozen' && (s.quietMs ?? 0) >= 1_000,
        );
        expect(quiet.state).toBe(SourceState.Active);
        expect(quiet.retryInMs).toBeUndefined();
      } finally {
        await transfer.cancel();
      }
    });
  },
);

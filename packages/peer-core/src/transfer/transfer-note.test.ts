import { describe, expect, it } from 'vitest';
import { TransferState } from '../peer/peer-client.js';
import { QUIET_NOTE_MS, transferNote } from './transfer-note.js';
import {
  SourceState,
  type SourceStats,
  type TransferProgress,
} from './transfer-types.js';

function source(label: string, extra: Partial<SourceStats>): SourceStats {
  return {
    label,
    address: '127.0.0.1:1',
    state: SourceState.Idle,
    bytes: 0,
    speedBps: 0,
    failures: 0,
    ...extra,
  };
}

function progress(
  sources: SourceStats[],
  state = TransferState.Downloading,
): TransferProgress {
  return {
    sha256: 'a'.repeat(64),
    name: 'data.bin',
    size: 100,
    bytesDone: 10,
    bytesFetched: 10,
    bytesRecorded: 0,
    speedBps: 0,
    etaSeconds: null,
    state,
    sources,
  };
}

const active = (label: string, quietMs: number) =>
  source(label, { state: SourceState.Active, quietMs });

describe('transferNote', () => {
  it('names every source in flight once all of them are quiet', () => {
    // Given two sources with requests in flight, both quiet for a while
    const note = transferNote(
      progress([active('alice', 6_200), active('bob', QUIET_NOTE_MS)]),
    );
    // Then the note names both and the shorter silence, rounded up
    expect(note).toBe('no data from alice, bob for 3 s');
  });

  it('says nothing while one source in flight still delivers', () => {
    // Given one quiet source and one that sent data just now
    const sources = [active('alice', 9_000), active('bob', 100)];
    // Then the transfer is moving: no note
    expect(transferNote(progress(sources))).toBeUndefined();
  });

  it('counts the sources beyond two', () => {
    const sources = ['a', 'b', 'c', 'd'].map((l) => active(l, 4_000));
    expect(transferNote(progress(sources))).toBe(
      'no data from a, b and 2 more for 4 s',
    );
  });

  it('gives the next retry when every source waits', () => {
    // Given two failed sources waiting to be retried
    const sources = [
      source('alice', {
        state: SourceState.Waiting,
        error: 'connection refused',
        retryInMs: 3_400,
      }),
      source('bob', {
        state: SourceState.Waiting,
        error: 'busy',
        retryInMs: 7_000,
      }),
      source('carol', { state: SourceState.Dropped, error: 'gone' }),
    ];
    // Then the note gives the one retried first, with its error
    expect(transferNote(progress(sources, TransferState.Connecting))).toBe(
      'alice: connection refused; retrying in 4 s',
    );
  });

  it('says nothing while a waiting source has a working partner', () => {
    const sources = [
      source('alice', { state: SourceState.Waiting, retryInMs: 500 }),
      source('bob', { state: SourceState.Idle }),
    ];
    expect(transferNote(progress(sources))).toBeUndefined();
  });

  it('makes labels and errors from the network safe', () => {
    const sources = [
      source('ev\u001b[2Jil', {
        state: SourceState.Waiting,
        error: 'bad\nline',
        retryInMs: 0,
      }),
    ];
    expect(transferNote(progress(sources))).toBe(
      'ev\uFFFD[2Jil: bad\uFFFDline; retrying in 0 s',
    );
    expect(transferNote(progress([active('x\u202e', 5_000)]))).toBe(
      'no data from x\uFFFD for 5 s',
    );
  });

  it('waits for a source when there is none, or none left', () => {
    expect(transferNote(progress([], TransferState.Connecting))).toBe(
      'waiting for a source',
    );
    const dropped = [source('alice', { state: SourceState.Dropped })];
    expect(transferNote(progress(dropped))).toBe(
      'every source failed; looking for more',
    );
  });

  it.each([
    TransferState.Paused,
    TransferState.Verifying,
    TransferState.Failed,
    TransferState.Done,
  ])('says nothing when %s', (state) => {
    expect(
      transferNote(progress([active('alice', 60_000)], state)),
    ).toBeUndefined();
  });
});

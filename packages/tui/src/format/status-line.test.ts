import { describe, expect, it } from 'vitest';
import { ConnectionState, type PeerSnapshot } from '@ferry/peer-core';
import { statusFigures } from './status-line.js';

function snapshot(fileCount: number, totalBytes: number): PeerSnapshot {
  return {
    username: 'hank',
    directoryUrl: 'http://127.0.0.1:7070',
    connection: ConnectionState.Online,
    peers: [],
    share: { folder: '/share', fileCount, totalBytes, scanning: false },
    transfers: [],
    downSpeedBps: 0,
    upSpeedBps: 0,
  };
}

describe('statusFigures', () => {
  it.each([
    [0, 'sharing 0 files'],
    [1, 'sharing 1 file ·'],
    [2, 'sharing 2 files'],
  ])('counts %i shared files in words that agree', (count, expected) => {
    expect(statusFigures(snapshot(count, 26))).toContain(expected);
  });
});

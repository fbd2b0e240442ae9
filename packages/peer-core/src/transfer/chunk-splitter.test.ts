import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PeerError } from '../errors.js';
import type { FileChunk } from '../grpc/peer-types.js';
import { ChunkSplitter } from './chunk-splitter.js';

const PIECE = 16;

/** A chunk of `data`, in frames of at most 5 bytes as it may arrive. */
function chunk(offset: number, data: Buffer): FileChunk {
  const parts: Buffer[] = [];
  for (let at = 0; at < data.length; at += 5) {
    parts.push(data.subarray(at, at + 5));
  }
  return { offset, length: data.length, parts };
}

/** Rebuilds each piece from the parts, as the receiver does. */
function reassemble(
  splitter: ChunkSplitter,
  file: Buffer,
  start: number,
  chunkSizes: number[],
): Map<number, Buffer> {
  const pieces = new Map<number, Buffer>();
  let offset = start;
  for (const size of chunkSizes) {
    const data = file.subarray(offset, offset + size);
    for (const part of splitter.push(chunk(offset, data))) {
      const piece = pieces.get(part.index) ?? Buffer.alloc(part.pieceLength);
      piece.set(part.data, part.at);
      pieces.set(part.index, piece);
    }
    offset += size;
  }
  return pieces;
}

describe('ChunkSplitter', () => {
  it('splits chunks that cross piece boundaries into their pieces', () => {
    const file = randomBytes(3 * PIECE + 5);
    const splitter = new ChunkSplitter(file.length, PIECE, 0, file.length);
    const pieces = reassemble(splitter, file, 0, [7, 20, 1, 16, 9]);
    expect(splitter.complete).toBe(true);
    expect([...pieces.keys()]).toEqual([0, 1, 2, 3]);
    for (const [index, piece] of pieces) {
      expect(piece).toEqual(file.subarray(index * PIECE, (index + 1) * PIECE));
    }
  });

  it('starts mid-file at the requested piece', () => {
    const file = randomBytes(4 * PIECE);
    const splitter = new ChunkSplitter(
      file.length,
      PIECE,
      2 * PIECE,
      4 * PIECE,
    );
    const pieces = reassemble(splitter, file, 2 * PIECE, [32]);
    expect(pieces.get(3)).toEqual(file.subarray(3 * PIECE));
    expect(pieces.has(1)).toBe(false);
  });

  it('rejects chunks out of order, empty or past the range', () => {
    const data = Buffer.alloc(8);
    const pushed = (offset: number, bytes: Buffer) => () => [
      ...new ChunkSplitter(64, PIECE, 0, 32).push(chunk(offset, bytes)),
    ];
    expect(pushed(8, data)).toThrow(PeerError);
    expect(pushed(0, Buffer.alloc(0))).toThrow(PeerError);
    expect(pushed(0, Buffer.alloc(33))).toThrow(PeerError);
  });

  it('is not complete until the whole range came', () => {
    const splitter = new ChunkSplitter(64, PIECE, 0, 32);
    Array.from(splitter.push(chunk(0, Buffer.alloc(31))));
    expect(splitter.complete).toBe(false);
  });
});

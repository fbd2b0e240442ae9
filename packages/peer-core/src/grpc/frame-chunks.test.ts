import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadPeerProto } from '../proto/load.js';
import { CHUNK_HEADER_ROOM, encodeChunkInPlace } from '../server/raw-chunks.js';
import { decodeChunk, withFrameChunks } from './frame-chunks.js';

type DecodeWhole = Parameters<typeof decodeChunk>[1];

/** protobufjs's decoder, as proto-loader gives it to grpc-js. */
const protobufDecode = loadPeerProto().ferry.v1.Peer.service.Download
  .responseDeserialize as DecodeWhole;

const neverCalled: DecodeWhole = () => {
  throw new Error('the general decoder was used');
};

/** A `Chunk` as a Ferry server encodes it. */
function encoded(offset: number, data: Buffer): Buffer {
  const buffer = Buffer.alloc(CHUNK_HEADER_ROOM + data.length);
  data.copy(buffer, CHUNK_HEADER_ROOM);
  return encodeChunkInPlace(buffer, offset, data.length);
}

function framesAt(message: Buffer, cuts: number[]): Buffer[] {
  const edges = [0, ...cuts, message.length];
  return edges.slice(1).map((end, i) => message.subarray(edges[i], end));
}

function joined(parts: unknown): Buffer {
  return Buffer.concat(parts as Buffer[]);
}

describe('decodeChunk', () => {
  it('decodes a chunk wherever the frames cut it, without copying', () => {
    const data = randomBytes(300);
    const message = encoded(5_000_000_000, data);
    for (let cut = 1; cut < message.length; cut++) {
      const frames = framesAt(message, [
        cut,
        Math.min(cut + 7, message.length - 1),
      ]);
      const chunk = decodeChunk(frames, neverCalled);
      expect(chunk.offset).toBe(5_000_000_000);
      expect(joined(chunk.parts)).toEqual(data);
      const last = (chunk.parts as Buffer[]).at(-1);
      expect(last?.buffer).toBe(message.buffer);
    }
  });

  it('decodes a whole message and a chunk whose offset 0 was left out', () => {
    const data = randomBytes(40);
    expect(joined(decodeChunk(encoded(7, data), neverCalled).parts)).toEqual(
      data,
    );
    const noOffset = Buffer.concat([Buffer.from([0x12, 40]), data]);
    const chunk = decodeChunk(framesAt(noOffset, [1, 20]), neverCalled);
    expect(chunk.offset).toBe(0);
    expect(joined(chunk.parts)).toEqual(data);
  });

  it('hands any other layout to the general decoder', () => {
    const data = randomBytes(40);
    const reversed = Buffer.concat([
      Buffer.from([0x12, 40]),
      data,
      Buffer.from([0x08, 0x96, 0x01]),
    ]);
    const chunk = decodeChunk(framesAt(reversed, [10, 30]), protobufDecode);
    expect(Number(chunk.offset)).toBe(150);
    expect(joined(chunk.parts)).toEqual(data);
    const cutShort = Buffer.from([0x08, 0x96]);
    expect(() => decodeChunk([cutShort], protobufDecode)).toThrow();
  });

  it('is what the Download deserializer runs, marked to take frames', () => {
    const service = withFrameChunks(loadPeerProto().ferry.v1.Peer.service);
    const download = service['Download'];
    const deserialize = download?.responseDeserialize as unknown as {
      acceptsFrames?: boolean;
      (message: Buffer[]): unknown;
    };
    expect(deserialize.acceptsFrames).toBe(true);
    const data = randomBytes(64);
    const chunk = deserialize(framesAt(encoded(3, data), [4, 30])) as {
      offset: unknown;
      parts: unknown;
    };
    expect(chunk.offset).toBe(3);
    expect(joined(chunk.parts)).toEqual(data);
  });
});

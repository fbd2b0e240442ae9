import type { ServiceDefinition } from '@grpc/grpc-js';

/** Room kept before the data in an upload buffer for the Chunk header. */
export const CHUNK_HEADER_ROOM = 24;

/**
 * Encodes a `ferry.v1.Chunk` in place: `buffer` holds the data at
 * `[CHUNK_HEADER_ROOM, CHUNK_HEADER_ROOM + length)`, and the protobuf
 * header (field 1 `offset`, then field 2's tag and length) is written just
 * before it. Returns the message as a view of `buffer`, so the file bytes
 * are never copied to build it (protobufjs would copy every MiB into a
 * fresh buffer, which cost the server as much as everything else together).
 */
export function encodeChunkInPlace(
  buffer: Buffer,
  offset: number,
  length: number,
): Buffer {
  const header = [0x08, ...varint(offset), 0x12, ...varint(length)];
  const start = CHUNK_HEADER_ROOM - header.length;
  buffer.set(header, start);
  return buffer.subarray(start, CHUNK_HEADER_ROOM + length);
}

function varint(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
  return bytes;
}

/**
 * The `Peer` service definition with `Download` responses sent as
 * already-encoded `Chunk` messages (see `encodeChunkInPlace`).
 */
export function withRawChunks(service: ServiceDefinition): ServiceDefinition {
  const download = service['Download'];
  if (download === undefined) return service;
  return {
    ...service,
    Download: { ...download, responseSerialize: (chunk: Buffer) => chunk },
  };
}

import type { ServiceDefinition } from '@grpc/grpc-js';
import type { ProtoGrpcType } from '../generated/peer.js';
import { grpcJs } from './load-on-use.js';

/**
 * What the patched grpc-js (`patches/`) gives a response deserializer that
 * is marked `acceptsFrames`: the message whole, or, when it came in several
 * HTTP/2 frames, those frames in order (views, not copies).
 */
export type ReceivedMessage = Buffer | readonly Buffer[];

/** A `Download` response as decoded, before `checkChunk` vouches for it. */
export interface DecodedChunk {
  offset: unknown;
  parts: unknown;
}

/** `Chunk` field 1 (`offset`, varint) and field 2 (`data`, bytes) tags. */
const OFFSET_TAG = 0x08;
const DATA_TAG = 0x12;

/**
 * Decodes a `ferry.v1.Chunk` without copying its data: the bytes stay in
 * the frames they came in (`parts`), and the receiver copies them once,
 * straight into the piece's slot. Without this, grpc-js copied every
 * 256 KiB message into a fresh buffer first: a quarter of the receiving
 * thread's work, and 30 of its 75 full garbage collections per GiB. A
 * chunk laid out otherwise than `offset` (optional) then `data` up to the
 * end (as another implementation may send it) is decoded by
 * `decodeWhole`, protobufjs's decoder.
 */
export function decodeChunk(
  message: ReceivedMessage,
  decodeWhole: (whole: Buffer) => { offset?: unknown; data?: unknown },
): DecodedChunk {
  const frames: readonly Buffer[] = Buffer.isBuffer(message)
    ? [message]
    : message;
  const reader = new FrameReader(frames);
  const fast = readSimpleChunk(reader);
  if (fast !== undefined) return fast;
  const whole = Buffer.isBuffer(message) ? message : Buffer.concat(message);
  const decoded = decodeWhole(whole);
  return { offset: decoded.offset, parts: [decoded.data] };
}

function readSimpleChunk(reader: FrameReader): DecodedChunk | undefined {
  let tag = reader.byte();
  let offset = 0;
  if (tag === OFFSET_TAG) {
    offset = reader.varint() ?? Number.NaN;
    tag = reader.byte();
  }
  if (tag !== DATA_TAG || !Number.isSafeInteger(offset)) return undefined;
  const length = reader.varint();
  if (length !== reader.remaining) return undefined;
  return { offset, parts: reader.rest() };
}

/** Reads bytes across a message's frames. */
class FrameReader {
  readonly #frames: readonly Buffer[];
  #frame = 0;
  #at = 0;
  #remaining: number;

  constructor(frames: readonly Buffer[]) {
    this.#frames = frames;
    this.#remaining = frames.reduce((sum, frame) => sum + frame.length, 0);
  }

  /** Bytes not read yet. */
  get remaining(): number {
    return this.#remaining;
  }

  /** The next byte, or undefined at the end. */
  byte(): number | undefined {
    for (;;) {
      const frame = this.#frames[this.#frame];
      if (frame === undefined) return undefined;
      if (this.#at < frame.length) {
        this.#remaining -= 1;
        return frame[this.#at++];
      }
      this.#frame += 1;
      this.#at = 0;
    }
  }

  /** A varint of at most 8 bytes, or undefined if longer or cut short. */
  varint(): number | undefined {
    let value = 0;
    for (let scale = 1; scale <= 2 ** 49; scale *= 128) {
      const byte = this.byte();
      if (byte === undefined) return undefined;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
    }
    return undefined;
  }

  /** Views of everything not read yet. */
  rest(): Buffer[] {
    const parts: Buffer[] = [];
    const current = this.#frames[this.#frame];
    if (current !== undefined && this.#at < current.length) {
      parts.push(current.subarray(this.#at));
    }
    parts.push(...this.#frames.slice(this.#frame + 1));
    return parts;
  }
}

/**
 * The `Peer` service definition with `Download` responses decoded by
 * `decodeChunk`, straight from their frames.
 */
export function withFrameChunks(service: ServiceDefinition): ServiceDefinition {
  const download = service['Download'];
  if (download === undefined) return service;
  const decodeWhole = download.responseDeserialize as (whole: Buffer) => {
    offset?: unknown;
    data?: unknown;
  };
  const responseDeserialize = Object.assign(
    (message: ReceivedMessage) => decodeChunk(message, decodeWhole),
    { acceptsFrames: true },
  );
  return { ...service, Download: { ...download, responseDeserialize } };
}

const clientClasses = new WeakMap<
  ProtoGrpcType,
  ProtoGrpcType['ferry']['v1']['Peer']
>();

/** The `Peer` client class of a loaded proto, with `withFrameChunks`. */
export function peerClientClass(
  proto: ProtoGrpcType,
): ProtoGrpcType['ferry']['v1']['Peer'] {
  let found = clientClasses.get(proto);
  if (found === undefined) {
    const { service } = proto.ferry.v1.Peer;
    found = grpcJs().makeClientConstructor(
      withFrameChunks(service),
      'ferry.v1.Peer',
    ) as unknown as ProtoGrpcType['ferry']['v1']['Peer'];
    clientClasses.set(proto, found);
  }
  return found;
}

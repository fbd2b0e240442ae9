import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadPeerProto, PROTO_LOADER_OPTIONS } from '@ferry/peer-core';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/programs.js';

describe('proto/ferry/v1/peer.proto', () => {
  it('defines the Peer service with its four methods and streaming kinds', () => {
    // Given the contract loaded the way peer-core loads it
    const proto = loadPeerProto();
    // When we read the service definition
    const service = proto.ferry.v1.Peer.service;
    // Then each method is there with the right streaming shape
    const shape = Object.fromEntries(
      Object.entries(service).map(([name, method]) => [
        name,
        {
          path: method.path,
          requestStream: method.requestStream,
          responseStream: method.responseStream,
        },
      ]),
    );
    expect(shape).toEqual({
      GetInfo: {
        path: '/ferry.v1.Peer/GetInfo',
        requestStream: false,
        responseStream: false,
      },
      Browse: {
        path: '/ferry.v1.Peer/Browse',
        requestStream: false,
        responseStream: true,
      },
      GetManifest: {
        path: '/ferry.v1.Peer/GetManifest',
        requestStream: false,
        responseStream: false,
      },
      Download: {
        path: '/ferry.v1.Peer/Download',
        requestStream: false,
        responseStream: true,
      },
    });
  });

  it('round-trips a Chunk with 64-bit offsets kept as strings', () => {
    const proto = loadPeerProto();
    const download = proto.ferry.v1.Peer.service.Download;
    const bytes = download.responseSerialize({
      offset: '5000000000',
      data: Buffer.from('ferry'),
    });
    const chunk = download.responseDeserialize(bytes);
    expect(chunk.offset).toBe('5000000000');
    expect(Buffer.from(chunk.data).toString()).toBe('ferry');
  });

  it('is generated with the same options the loader uses', () => {
    // `pnpm gen` passes the loader options as flags; they must not drift.
    const pkg = JSON.parse(
      readFileSync(
        path.join(REPO_ROOT, 'packages/peer-core/package.json'),
        'utf8',
      ),
    ) as { scripts: { gen: string } };
    const flags = pkg.scripts.gen;
    expect(PROTO_LOADER_OPTIONS).toEqual({
      keepCase: true,
      longs: String,
      enums: String,
      defaults: true,
      oneofs: true,
    });
    for (const flag of [
      '--keepCase',
      '--longs=String',
      '--enums=String',
      '--defaults',
      '--oneofs',
    ]) {
      expect(flags).toContain(flag);
    }
  });
});

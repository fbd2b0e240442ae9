// Original file: ../../proto/ferry/v1/peer.proto

import type { Long } from '@grpc/proto-loader';

export interface Chunk {
  offset?: number | string | Long;
  data?: Buffer | Uint8Array | string;
}

export interface Chunk__Output {
  offset: string;
  data: Buffer;
}

// Original file: ../../proto/ferry/v1/peer.proto

import type { Long } from '@grpc/proto-loader';

export interface Manifest {
  sha256?: string;
  size?: number | string | Long;
  piece_size?: number;
  piece_hashes?: (Buffer | Uint8Array | string)[];
  pieces_root?: string;
}

export interface Manifest__Output {
  sha256: string;
  size: string;
  piece_size: number;
  piece_hashes: Buffer[];
  pieces_root: string;
}

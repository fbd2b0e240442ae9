// Original file: ../../proto/ferry/v1/peer.proto

import type { Long } from '@grpc/proto-loader';

export interface SharedFile {
  name?: string;
  path?: string;
  size?: number | string | Long;
  sha256?: string;
  pieces_root?: string;
  mtime_ms?: number | string;
}

export interface SharedFile__Output {
  name: string;
  path: string;
  size: string;
  sha256: string;
  pieces_root: string;
  mtime_ms: number;
}

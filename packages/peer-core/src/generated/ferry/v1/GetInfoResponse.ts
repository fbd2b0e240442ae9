// Original file: ../../proto/ferry/v1/peer.proto

import type { Long } from '@grpc/proto-loader';

export interface GetInfoResponse {
  username?: string;
  version?: string;
  file_count?: number | string | Long;
  total_bytes?: number | string | Long;
  upload_slots?: number;
  uploads_active?: number;
}

export interface GetInfoResponse__Output {
  username: string;
  version: string;
  file_count: string;
  total_bytes: string;
  upload_slots: number;
  uploads_active: number;
}

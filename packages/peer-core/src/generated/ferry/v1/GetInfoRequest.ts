// Original file: ../../proto/ferry/v1/peer.proto

export interface GetInfoRequest {}

export interface GetInfoRequest__Output {}

// Original file: ../../proto/ferry/v1/peer.proto

export interface BrowseRequest {}

export interface BrowseRequest__Output {}

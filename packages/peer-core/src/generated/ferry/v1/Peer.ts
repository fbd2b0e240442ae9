// Original file: ../../proto/ferry/v1/peer.proto

import type * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type {
  BrowseRequest as _ferry_v1_BrowseRequest,
  BrowseRequest__Output as _ferry_v1_BrowseRequest__Output,
} from '../../ferry/v1/BrowseRequest.js';
import type {
  Chunk as _ferry_v1_Chunk,
  Chunk__Output as _ferry_v1_Chunk__Output,
} from '../../ferry/v1/Chunk.js';
import type {
  DownloadRequest as _ferry_v1_DownloadRequest,
  DownloadRequest__Output as _ferry_v1_DownloadRequest__Output,
} from '../../ferry/v1/DownloadRequest.js';
import type {
  GetInfoRequest as _ferry_v1_GetInfoRequest,
  GetInfoRequest__Output as _ferry_v1_GetInfoRequest__Output,
} from '../../ferry/v1/GetInfoRequest.js';
import type {
  GetInfoResponse as _ferry_v1_GetInfoResponse,
  GetInfoResponse__Output as _ferry_v1_GetInfoResponse__Output,
} from '../../ferry/v1/GetInfoResponse.js';
import type {
  GetManifestRequest as _ferry_v1_GetManifestRequest,
  GetManifestRequest__Output as _ferry_v1_GetManifestRequest__Output,
} from '../../ferry/v1/GetManifestRequest.js';
import type {
  Manifest as _ferry_v1_Manifest,
  Manifest__Output as _ferry_v1_Manifest__Output,
} from '../../ferry/v1/Manifest.js';
import type {
  SharedFile as _ferry_v1_SharedFile,
  SharedFile__Output as _ferry_v1_SharedFile__Output,
} from '../../ferry/v1/SharedFile.js';

export interface PeerClient extends grpc.Client {
  Browse(
    argument: _ferry_v1_BrowseRequest,
    metadata: grpc.Metadata,
    options?: grpc.CallOptions,
  ): grpc.ClientReadableStream<_ferry_v1_SharedFile__Output>;
  Browse(
    argument: _ferry_v1_BrowseRequest,
    options?: grpc.CallOptions,
  ): grpc.ClientReadableStream<_ferry_v1_SharedFile__Output>;
  browse(
    argument: _ferry_v1_BrowseRequest,
    metadata: grpc.Metadata,
    options?: grpc.CallOptions,
  ): grpc.ClientReadableStream<_ferry_v1_SharedFile__Output>;
  browse(
    argument: _ferry_v1_BrowseRequest,
    options?: grpc.CallOptions,
  ): grpc.ClientReadableStream<_ferry_v1_SharedFile__Output>;

  Download(
    argument: _ferry_v1_DownloadRequest,
    metadata: grpc.Metadata,
    options?: grpc.CallOptions,
  ): grpc.ClientReadableStream<_ferry_v1_Chunk__Output>;
  Download(
    argument: _ferry_v1_DownloadRequest,
    options?: grpc.CallOptions,
  ): grpc.ClientReadableStream<_ferry_v1_Chunk__Output>;
  download(
    argument: _ferry_v1_DownloadRequest,
    metadata: grpc.Metadata,
    options?: grpc.CallOptions,
  ): grpc.ClientReadableStream<_ferry_v1_Chunk__Output>;
  download(
    argument: _ferry_v1_DownloadRequest,
    options?: grpc.CallOptions,
  ): grpc.ClientReadableStream<_ferry_v1_Chunk__Output>;

  GetInfo(
    argument: _ferry_v1_GetInfoRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_ferry_v1_GetInfoResponse__Output>,
  ): grpc.ClientUnaryCall;
  GetInfo(
    argument: _ferry_v1_GetInfoRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_ferry_v1_GetInfoResponse__Output>,
  ): grpc.ClientUnaryCall;
  GetInfo(
    argument: _ferry_v1_GetInfoRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_ferry_v1_GetInfoResponse__Output>,
  ): grpc.ClientUnaryCall;
  GetInfo(
    argument: _ferry_v1_GetInfoRequest,
    callback: grpc.requestCallback<_ferry_v1_GetInfoResponse__Output>,
  ): grpc.ClientUnaryCall;
  getInfo(
    argument: _ferry_v1_GetInfoRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_ferry_v1_GetInfoResponse__Output>,
  ): grpc.ClientUnaryCall;
  getInfo(
    argument: _ferry_v1_GetInfoRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_ferry_v1_GetInfoResponse__Output>,
  ): grpc.ClientUnaryCall;
  getInfo(
    argument: _ferry_v1_GetInfoRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_ferry_v1_GetInfoResponse__Output>,
  ): grpc.ClientUnaryCall;
  getInfo(
    argument: _ferry_v1_GetInfoRequest,
    callback: grpc.requestCallback<_ferry_v1_GetInfoResponse__Output>,
  ): grpc.ClientUnaryCall;

  GetManifest(
    argument: _ferry_v1_GetManifestRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_ferry_v1_Manifest__Output>,
  ): grpc.ClientUnaryCall;
  GetManifest(
    argument: _ferry_v1_GetManifestRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_ferry_v1_Manifest__Output>,
  ): grpc.ClientUnaryCall;
  GetManifest(
    argument: _ferry_v1_GetManifestRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_ferry_v1_Manifest__Output>,
  ): grpc.ClientUnaryCall;
  GetManifest(
    argument: _ferry_v1_GetManifestRequest,
    callback: grpc.requestCallback<_ferry_v1_Manifest__Output>,
  ): grpc.ClientUnaryCall;
  getManifest(
    argument: _ferry_v1_GetManifestRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_ferry_v1_Manifest__Output>,
  ): grpc.ClientUnaryCall;
  getManifest(
    argument: _ferry_v1_GetManifestRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_ferry_v1_Manifest__Output>,
  ): grpc.ClientUnaryCall;
  getManifest(
    argument: _ferry_v1_GetManifestRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_ferry_v1_Manifest__Output>,
  ): grpc.ClientUnaryCall;
  getManifest(
    argument: _ferry_v1_GetManifestRequest,
    callback: grpc.requestCallback<_ferry_v1_Manifest__Output>,
  ): grpc.ClientUnaryCall;
}

export interface PeerHandlers extends grpc.UntypedServiceImplementation {
  Browse: grpc.handleServerStreamingCall<
    _ferry_v1_BrowseRequest__Output,
    _ferry_v1_SharedFile
  >;

  Download: grpc.handleServerStreamingCall<
    _ferry_v1_DownloadRequest__Output,
    _ferry_v1_Chunk
  >;

  GetInfo: grpc.handleUnaryCall<
    _ferry_v1_GetInfoRequest__Output,
    _ferry_v1_GetInfoResponse
  >;

  GetManifest: grpc.handleUnaryCall<
    _ferry_v1_GetManifestRequest__Output,
    _ferry_v1_Manifest
  >;
}

export interface PeerDefinition extends grpc.ServiceDefinition {
  Browse: MethodDefinition<
    _ferry_v1_BrowseRequest,
    _ferry_v1_SharedFile,
    _ferry_v1_BrowseRequest__Output,
    _ferry_v1_SharedFile__Output
  >;
  Download: MethodDefinition<
    _ferry_v1_DownloadRequest,
    _ferry_v1_Chunk,
    _ferry_v1_DownloadRequest__Output,
    _ferry_v1_Chunk__Output
  >;
  GetInfo: MethodDefinition<
    _ferry_v1_GetInfoRequest,
    _ferry_v1_GetInfoResponse,
    _ferry_v1_GetInfoRequest__Output,
    _ferry_v1_GetInfoResponse__Output
  >;
  GetManifest: MethodDefinition<
    _ferry_v1_GetManifestRequest,
    _ferry_v1_Manifest,
    _ferry_v1_GetManifestRequest__Output,
    _ferry_v1_Manifest__Output
  >;
}

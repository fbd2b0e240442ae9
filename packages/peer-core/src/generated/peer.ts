import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type {
  BrowseRequest as _ferry_v1_BrowseRequest,
  BrowseRequest__Output as _ferry_v1_BrowseRequest__Output,
} from './ferry/v1/BrowseRequest.js';
import type {
  Chunk as _ferry_v1_Chunk,
  Chunk__Output as _ferry_v1_Chunk__Output,
} from './ferry/v1/Chunk.js';
import type {
  DownloadRequest as _ferry_v1_DownloadRequest,
  DownloadRequest__Output as _ferry_v1_DownloadRequest__Output,
} from './ferry/v1/DownloadRequest.js';
import type {
  GetInfoRequest as _ferry_v1_GetInfoRequest,
  GetInfoRequest__Output as _ferry_v1_GetInfoRequest__Output,
} from './ferry/v1/GetInfoRequest.js';
import type {
  GetInfoResponse as _ferry_v1_GetInfoResponse,
  GetInfoResponse__Output as _ferry_v1_GetInfoResponse__Output,
} from './ferry/v1/GetInfoResponse.js';
import type {
  GetManifestRequest as _ferry_v1_GetManifestRequest,
  GetManifestRequest__Output as _ferry_v1_GetManifestRequest__Output,
} from './ferry/v1/GetManifestRequest.js';
import type {
  Manifest as _ferry_v1_Manifest,
  Manifest__Output as _ferry_v1_Manifest__Output,
} from './ferry/v1/Manifest.js';
import type {
  PeerClient as _ferry_v1_PeerClient,
  PeerDefinition as _ferry_v1_PeerDefinition,
} from './ferry/v1/Peer.js';
import type {
  SharedFile as _ferry_v1_SharedFile,
  SharedFile__Output as _ferry_v1_SharedFile__Output,
} from './ferry/v1/SharedFile.js';

type SubtypeConstructor<
  Constructor extends new (...args: any) => any,
  Subtype,
> = {
  new (...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  ferry: {
    v1: {
      BrowseRequest: MessageTypeDefinition<
        _ferry_v1_BrowseRequest,
        _ferry_v1_BrowseRequest__Output
      >;
      Chunk: MessageTypeDefinition<_ferry_v1_Chunk, _ferry_v1_Chunk__Output>;
      DownloadRequest: MessageTypeDefinition<
        _ferry_v1_DownloadRequest,
        _ferry_v1_DownloadRequest__Output
      >;
      GetInfoRequest: MessageTypeDefinition<
        _ferry_v1_GetInfoRequest,
        _ferry_v1_GetInfoRequest__Output
      >;
      GetInfoResponse: MessageTypeDefinition<
        _ferry_v1_GetInfoResponse,
        _ferry_v1_GetInfoResponse__Output
      >;
      GetManifestRequest: MessageTypeDefinition<
        _ferry_v1_GetManifestRequest,
        _ferry_v1_GetManifestRequest__Output
      >;
      Manifest: MessageTypeDefinition<
        _ferry_v1_Manifest,
        _ferry_v1_Manifest__Output
      >;
      Peer: SubtypeConstructor<typeof grpc.Client, _ferry_v1_PeerClient> & {
        service: _ferry_v1_PeerDefinition;
      };
      SharedFile: MessageTypeDefinition<
        _ferry_v1_SharedFile,
        _ferry_v1_SharedFile__Output
      >;
    };
  };
}

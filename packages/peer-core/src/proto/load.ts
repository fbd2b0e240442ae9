import { fileURLToPath } from 'node:url';
import { grpcJs, grpcProtoLoader } from '../grpc/load-on-use.js';
import type { ProtoGrpcType } from '../generated/peer.js';
import { PROTO_LOADER_OPTIONS } from './loader-options.js';

/** Absolute path of the peer-to-peer contract. */
export const PEER_PROTO_PATH = fileURLToPath(
  new URL('../../../../proto/ferry/v1/peer.proto', import.meta.url),
);

/** Loads `proto/ferry/v1/peer.proto` into typed gRPC constructors. */
export function loadPeerProto(): ProtoGrpcType {
  const definition = grpcProtoLoader().loadSync(
    PEER_PROTO_PATH,
    PROTO_LOADER_OPTIONS,
  );
  return grpcJs().loadPackageDefinition(definition) as unknown as ProtoGrpcType;
}

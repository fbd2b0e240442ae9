import { fileURLToPath } from 'node:url';
import { grpcJs, grpcProtoLoader } from '../grpc/load-on-use.js';
import type { ProtoGrpcType } from '../generated/peer.js';
import { PROTO_LOADER_OPTIONS } from './loader-options.js';

/** Absolute path of the peer-to-peer contract. */
export const PEER_PROTO_PATH = fileURLToPath(
  new URL('../../../../proto/ferry/v1/peer.proto', import.meta.url),
);

let loaded: ProtoGrpcType | undefined;

/**
 * Loads `proto/ferry/v1/peer.proto` into typed gRPC constructors, once per
 * process (parsing it took ~50 ms, at the start of every download).
 */
export function loadPeerProto(): ProtoGrpcType {
  if (loaded === undefined) {
    const definition = grpcProtoLoader().loadSync(
      PEER_PROTO_PATH,
      PROTO_LOADER_OPTIONS,
    );
    loaded = grpcJs().loadPackageDefinition(
      definition,
    ) as unknown as ProtoGrpcType;
  }
  return loaded;
}

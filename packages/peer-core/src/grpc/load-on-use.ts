import { createRequire } from 'node:module';
import type * as GrpcJs from '@grpc/grpc-js';
import type * as ProtoLoader from '@grpc/proto-loader';

/**
 * Loads CommonJS dependencies on first use rather than at import time, so
 * importing `@ferry/peer-core` for its types, enums and helpers (as the TUI
 * does) does not cost the memory of gRPC. The same module instances as a
 * static `import` (Node shares its CommonJS cache).
 */
export const requireOnUse = createRequire(import.meta.url);

let grpc: typeof GrpcJs | undefined;
let protoLoader: typeof ProtoLoader | undefined;

/** `@grpc/grpc-js`, loaded on the first call. */
export function grpcJs(): typeof GrpcJs {
  grpc ??= requireOnUse('@grpc/grpc-js') as typeof GrpcJs;
  return grpc;
}

/** `@grpc/proto-loader`, loaded on the first call. */
export function grpcProtoLoader(): typeof ProtoLoader {
  protoLoader ??= requireOnUse('@grpc/proto-loader') as typeof ProtoLoader;
  return protoLoader;
}

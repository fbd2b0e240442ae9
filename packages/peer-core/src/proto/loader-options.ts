import type { Options } from '@grpc/proto-loader';

/**
 * How `.proto` files are turned into JavaScript objects. The loader uses it
 * at run time and `pnpm gen` passes the same settings as flags to
 * `proto-loader-gen-types`; a test checks the two agree.
 */
export const PROTO_LOADER_OPTIONS = {
  keepCase: true,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
} as const satisfies Options;

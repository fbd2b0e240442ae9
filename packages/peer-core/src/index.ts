export { PROTO_LOADER_OPTIONS } from './proto/loader-options.js';
export { loadPeerProto, PEER_PROTO_PATH } from './proto/load.js';
export { EXIT_USAGE, packageVersion, runProgram } from './cli/program.js';

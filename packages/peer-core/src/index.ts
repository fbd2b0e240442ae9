export { PROTO_LOADER_OPTIONS } from './proto/loader-options.js';
export { loadPeerProto, PEER_PROTO_PATH } from './proto/load.js';
export { EXIT_USAGE, packageVersion, runProgram } from './cli/program.js';
export {
  getErrorMessage,
  isNodeError,
  PeerError,
  PeerErrorCode,
} from './errors.js';
export {
  ConnectionState,
  PeerEvent,
  TransferState,
  type LoginRequest,
  type PeerClient,
  type PeerEvents,
  type PeerSnapshot,
  type PeerSummary,
  type Profile,
  type ProfileStore,
  type SearchOptions,
  type SearchResult,
  type ShareSummary,
  type SharedFileEntry,
  type TransferDirection,
  type TransferSnapshot,
} from './peer/peer-client.js';

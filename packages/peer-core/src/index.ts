export { PROTO_LOADER_OPTIONS } from './proto/loader-options.js';
export { loadPeerProto, PEER_PROTO_PATH } from './proto/load.js';
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
  type SearchPage,
  type SearchResult,
  type ShareSummary,
  type SharedFileEntry,
  type TransferDirection,
  type TransferSnapshot,
} from './peer/peer-client.js';
export { openLocalDb, type LocalDb } from './store/local-db.js';
export { LOCAL_DB_MIGRATIONS, type Migration } from './store/migrations.js';
export { FileHasher, type HashedFile } from './share/file-hasher.js';
export { openShare, Share, type ShareOptions } from './share/share.js';
export {
  ShareEvent,
  type ServedFile,
  type ShareDelta,
  type ShareEvents,
  type ShareScanResult,
} from './share/share-types.js';
export type { UnreadableFile } from './share/walk-share.js';
export {
  isSha256Hex,
  PIECE_SIZE,
  pieceCount,
  piecesRootOf,
} from './share/pieces.js';
export {
  startPeerServer,
  type PeerServer,
  type PeerServerOptions,
} from './server/peer-server.js';
export type { ServedShare } from './server/server-context.js';
export {
  UploadEvent,
  UploadTracker,
  type UploadEvents,
  type UploadSnapshot,
} from './server/upload-tracker.js';
export {
  PeerConnection,
  type DownloadCallOptions,
  type PeerConnectionOptions,
} from './grpc/peer-connection.js';
export {
  formatPeerAddress,
  parsePeerAddress,
  type PeerAddress,
} from './grpc/peer-address.js';
export { PeerCallError, toPeerError } from './grpc/to-peer-error.js';
export type { FileChunk, FileManifest, PeerInfo } from './grpc/peer-types.js';
export * from './transfer/index.js';
export { safeText, UNSAFE_PLACEHOLDER, withoutControls } from './safe-text.js';
export { openProfileStore } from './config/profile-store.js';
export { normalizeDirectoryUrl, parseListen } from './config/profile-schema.js';
export {
  resolveFerryPaths,
  type FerryPaths,
  type HomeOptions,
} from './config/paths.js';
export {
  DEFAULT_DIRECTORY_URL,
  DEFAULT_LISTEN,
  resolveSettings,
  type SettingFlags,
} from './config/settings.js';
export {
  TokenStore,
  type SessionKey,
  type TokenStoreOptions,
} from './config/token-store.js';
export {
  createLogger,
  fileLogger,
  silentLogger,
  type LoggerOptions,
} from './config/logger.js';
export {
  DirectoryClient,
  type DirectoryClientOptions,
} from './directory-client/directory-client.js';
export { DirectoryError } from './directory-client/directory-errors.js';
export { Peer } from './peer/peer.js';
export { connectPeer, type ConnectOptions } from './peer/connect-peer.js';
export { routeGrpcLog } from './grpc/grpc-log.js';
export type { PeerOptions } from './peer/peer-options.js';

/**
 * `@ferry/peer-core/transfer`: the download engine on its own. The
 * package's main entry also loads the directory client, the profile store
 * and the logger (got, conf, pino: ~22 MiB more resident memory), which a
 * process that only downloads does not need.
 */
export { PeerError, PeerErrorCode } from '../errors.js';
export { TransferState } from '../peer/peer-client.js';
export { loadPeerProto } from '../proto/load.js';
export { PIECE_SIZE } from '../share/pieces.js';
export { sanitizeFileName } from './sanitize-name.js';
export { download, Transfer } from './transfer.js';
export { QUIET_NOTE_MS, transferNote } from './transfer-note.js';
export {
  DEFAULT_TUNING,
  SourceState,
  TransferEvent,
  type DownloadOptions,
  type SourceStats,
  type TransferEvents,
  type TransferProgress,
  type TransferSource,
  type TransferTuning,
} from './transfer-types.js';

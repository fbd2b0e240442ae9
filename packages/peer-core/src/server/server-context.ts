import type { SharedFileEntry, ShareSummary } from '../peer/peer-client.js';
import type { ServedFile } from '../share/share-types.js';
import type { RateLimiter } from './rate-limiter.js';
import type { UploadTracker } from './upload-tracker.js';

/** What the server needs of a share (a `Share` fits). */
export interface ServedShare {
  files(): SharedFileEntry[];
  lookup(sha256: string): ServedFile | undefined;
  summary(): ShareSummary;
  /** Called when a file changed on disk since it was hashed. */
  scan?(): Promise<unknown>;
}

/** Everything the handlers share. */
export interface ServerContext {
  share: ServedShare;
  uploads: UploadTracker;
  limiter: RateLimiter | undefined;
  /** An upload whose downloader takes no data this long is reset. */
  uploadStallMs: number;
  username: string;
  version: string;
}

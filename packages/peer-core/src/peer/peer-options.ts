import type { Logger } from 'pino';
import type { HomeOptions } from '../config/paths.js';
import type { DirectoryClientOptions } from '../directory-client/directory-client.js';
import type { PasswordSource } from './directory-session.js';
import type { Profile } from './peer-client.js';
import type { PresenceTiming } from './presence.js';

/** Everything a `Peer` is started with. */
export interface PeerOptions extends HomeOptions, PresenceTiming {
  profile: Profile;
  /** The password, or where to get it when a login needs it. */
  password: string | PasswordSource;
  logger?: Logger;
  /** Downloads running at once (default 3); the rest wait in the queue. */
  maxActiveDownloads?: number;
  /** Uploads served at once (default 4). */
  uploadSlots?: number;
  /** Cap on the total upload rate, bytes per second (default: none). */
  uploadRateBps?: number;
  /** An upload whose downloader takes no data this long is reset (60 s). */
  uploadStallMs?: number;
  /** Timeouts and retries of directory calls. */
  directory?: DirectoryClientOptions;
  /** Keep the session token for CLI calls (default true). */
  saveToken?: boolean;
  /** Share watcher: files younger than this wait for a later scan, ms. */
  settleMs?: number;
}

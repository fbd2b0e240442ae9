/**
 * Stable error codes of peer-core. Front ends switch on `code`, never on
 * message text.
 */
export enum PeerErrorCode {
  /** The directory could not be reached (network, DNS, refused, timeout). */
  DirectoryUnreachable = 'DIRECTORY_UNREACHABLE',
  /** Wrong username or password, or the session expired and cannot renew. */
  Unauthorized = 'UNAUTHORIZED',
  /** The directory refused the input (validation, username taken, …). */
  Rejected = 'REJECTED',
  /** The directory asked us to slow down. */
  RateLimited = 'RATE_LIMITED',
  /** The directory answered something we did not expect (a 5xx, bad JSON). */
  DirectoryError = 'DIRECTORY_ERROR',
  /** A peer could not be reached or failed mid-call. */
  PeerUnreachable = 'PEER_UNREACHABLE',
  /** A peer refused a request (unknown file, bad argument, out of range). */
  PeerRejected = 'PEER_REJECTED',
  /** A peer has no free upload slot; try later or elsewhere. */
  PeerBusy = 'PEER_BUSY',
  /** Every source of a download failed or sent corrupt data. */
  NoSources = 'NO_SOURCES',
  /** Data failed verification against its hash. */
  IntegrityError = 'INTEGRITY_ERROR',
  /** A file, folder or setting given by the user is unusable. */
  InvalidInput = 'INVALID_INPUT',
  /** A local file-system operation failed. */
  Io = 'IO',
  /** Another download is writing this file into the same folder. */
  AlreadyDownloading = 'ALREADY_DOWNLOADING',
  /** The operation was cancelled. */
  Cancelled = 'CANCELLED',
}

/** Base class of every error peer-core throws on purpose. */
export class PeerError extends Error {
  override name = 'PeerError';

  constructor(
    readonly code: PeerErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Narrows an unknown thrown value to a message a user can read. */
export function getErrorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** True for Node.js system errors such as `ENOENT`, optionally of one code. */
export function isNodeError(
  error: unknown,
  code?: string,
): error is NodeJS.ErrnoException {
  return (
    error instanceof Error &&
    'code' in error &&
    (code === undefined || error.code === code)
  );
}

import type { status, ServiceError } from '@grpc/grpc-js';
import { getErrorMessage, PeerError, PeerErrorCode } from '../errors.js';
import { grpcJs } from './load-on-use.js';

/** A peer answered a call with a gRPC status other than OK. */
export class PeerCallError extends PeerError {
  override name = 'PeerCallError';

  constructor(
    code: PeerErrorCode,
    message: string,
    /** The gRPC status code, e.g. `status.NOT_FOUND`. */
    readonly grpcCode: status,
    options?: ErrorOptions,
  ) {
    super(code, message, options);
  }
}

/** True for a grpc-js `ServiceError` (an Error with a numeric `code`). */
export function isServiceError(error: unknown): error is ServiceError {
  return (
    error instanceof Error &&
    'code' in error &&
    typeof error.code === 'number' &&
    'details' in error
  );
}

/**
 * Turns whatever a gRPC call threw into a `PeerCallError`. Network
 * failures become `PEER_UNREACHABLE`, a refused request `PEER_REJECTED`,
 * no free upload slot `PEER_BUSY`, a cancelled call `CANCELLED`.
 */
export function toPeerError(error: unknown, what: string): PeerError {
  if (error instanceof PeerError) return error;
  if (!isServiceError(error)) {
    return new PeerError(
      PeerErrorCode.PeerUnreachable,
      `${what}: ${getErrorMessage(error)}`,
      { cause: error },
    );
  }
  const details = error.details || grpcJs().status[error.code];
  return new PeerCallError(
    codeOf(error.code),
    `${what}: ${grpcJs().status[error.code]} ${details}`,
    error.code,
    { cause: error },
  );
}

function codeOf(code: status): PeerErrorCode {
  switch (code) {
    case grpcJs().status.CANCELLED:
      return PeerErrorCode.Cancelled;
    case grpcJs().status.INVALID_ARGUMENT:
    case grpcJs().status.OUT_OF_RANGE:
    case grpcJs().status.NOT_FOUND:
      return PeerErrorCode.PeerRejected;
    case grpcJs().status.RESOURCE_EXHAUSTED:
      return PeerErrorCode.PeerBusy;
    default:
      return PeerErrorCode.PeerUnreachable;
  }
}

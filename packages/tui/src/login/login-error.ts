import { getErrorMessage, PeerError, PeerErrorCode } from '@ferry/peer-core';

/** What went wrong logging in, and whether Enter should simply retry. */
export interface LoginProblem {
  message: string;
  retryable: boolean;
}

/** A login failure in words a user can act on. */
export function loginProblem(
  error: unknown,
  directoryUrl: string,
): LoginProblem {
  if (!(error instanceof PeerError)) {
    return { message: getErrorMessage(error), retryable: false };
  }
  switch (error.code) {
    case PeerErrorCode.Unauthorized:
      return { message: 'Wrong username or password.', retryable: false };
    case PeerErrorCode.DirectoryUnreachable:
      return {
        message: `Directory unreachable at ${directoryUrl}. Enter retries.`,
        retryable: true,
      };
    case PeerErrorCode.Rejected:
      return { message: `Refused: ${error.message}`, retryable: false };
    default:
      return { message: error.message, retryable: false };
  }
}

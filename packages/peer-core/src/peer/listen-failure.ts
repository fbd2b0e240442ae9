import { getSystemErrorMap } from 'node:util';
import { PeerError, PeerErrorCode } from '../errors.js';

/**
 * grpc-js keeps no code for a failed bind: it joins the system errors into
 * one message of its own ("No address added out of total 1 resolved
 * errors: [listen EADDRINUSE: address already in use 127.0.0.1:7000]"),
 * so the first code is read back from there.
 */
const LISTEN_CODE = /\blisten (E[A-Z]+)\b/;

/**
 * `error` from starting the gRPC server on `listen`, said plainly when it
 * is a bind failure: `cannot listen on 127.0.0.1:7000: address already in
 * use (EADDRINUSE)`. Any other error comes back as it is.
 */
export function plainListenFailure(error: unknown, listen: string): unknown {
  if (!(error instanceof PeerError) || error.code !== PeerErrorCode.Io) {
    return error;
  }
  const cause = error.cause instanceof Error ? error.cause.message : '';
  const code = LISTEN_CODE.exec(cause)?.[1];
  if (code === undefined) return error;
  return new PeerError(
    PeerErrorCode.Io,
    `cannot listen on ${listen}: ${systemMessage(code)} (${code})`,
    { cause: error.cause },
  );
}

/** Node's text for a system error code (`address already in use`). */
function systemMessage(code: string): string {
  for (const [name, message] of getSystemErrorMap().values()) {
    if (name === code) return message;
  }
  return 'system error';
}

import type { status } from '@grpc/grpc-js';
import { isSha256Hex } from '../share/pieces.js';
import { grpcJs } from '../grpc/load-on-use.js';

/** A request the server refuses, with the status code to answer. */
export class RequestError extends Error {
  override name = 'RequestError';

  constructor(
    readonly code: status,
    message: string,
  ) {
    super(message);
  }
}

/** The sha256 field, or `INVALID_ARGUMENT`. */
export function parseSha256(value: unknown): string {
  if (!isSha256Hex(value)) {
    throw new RequestError(
      grpcJs().status.INVALID_ARGUMENT,
      'sha256 must be 64 lowercase hex characters',
    );
  }
  return value;
}

/**
 * The byte range [offset, offset + length) of a file of `size` bytes, or
 * `OUT_OF_RANGE` when any part of it lies outside the file.
 */
export function parseRange(
  offset: unknown,
  length: unknown,
  size: number,
): { offset: number; length: number } {
  const start = toUint(offset);
  const count = toUint(length);
  if (
    start === undefined ||
    count === undefined ||
    start > size ||
    count > size - start
  ) {
    throw new RequestError(
      grpcJs().status.OUT_OF_RANGE,
      `range ${String(offset)}+${String(length)} lies outside the file (${size} bytes)`,
    );
  }
  return { offset: start, length: count };
}

function toUint(value: unknown): number | undefined {
  const text = String(value);
  if (!/^\d{1,16}$/.test(text)) return undefined;
  const number = Number(text);
  return Number.isSafeInteger(number) ? number : undefined;
}

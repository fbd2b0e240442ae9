import type { FileHandle } from 'node:fs/promises';
import type { ServerWritableStream } from '@grpc/grpc-js';
import { getErrorMessage } from '../errors.js';
import type { DownloadRequest__Output } from '../generated/ferry/v1/DownloadRequest.js';
import { MAX_CHUNK_BYTES } from '../grpc/channel-options.js';
import { BufferPool } from './buffer-pool.js';
import { CHUNK_HEADER_ROOM, encodeChunkInPlace } from './raw-chunks.js';
import { openServedFile } from './open-served-file.js';
import { parseRange, parseSha256, RequestError } from './request-validation.js';
import { resetStream } from './reset-stream.js';
import type { ServerContext } from './server-context.js';
import type { UploadSlot } from './upload-tracker.js';
import { StallWatch } from './stall-watch.js';
import { grpcJs } from '../grpc/load-on-use.js';

/** Writes already-encoded `Chunk` messages (see `withRawChunks`). */
export type DownloadCall = ServerWritableStream<
  DownloadRequest__Output,
  Buffer
>;

/** Buffers per upload: one being read while one is being sent. */
const BUFFERS_PER_UPLOAD = 2;

/**
 * Handles `Download`: validates the request, takes an upload slot, and
 * streams the range in chunks of at most 1 MiB, reading the next chunk only
 * when a buffer is free again (so a slow client never makes the server
 * buffer the file). A downloader that takes no chunk for
 * `context.uploadStallMs` gets its stream reset, freeing the slot. Every
 * failure ends the call with a status; none throws.
 */
export function serveDownload(
  context: ServerContext,
  call: DownloadCall,
): void {
  const aborted = new AbortController();
  call.on('cancelled', () => aborted.abort());
  call.on('error', () => aborted.abort());
  startDownload(context, call, aborted).catch((error: unknown) => {
    fail(call, error);
  });
}

async function startDownload(
  context: ServerContext,
  call: DownloadCall,
  aborted: AbortController,
): Promise<void> {
  const { signal } = aborted;
  const sha256 = parseSha256(call.request.sha256);
  const file = context.share.lookup(sha256);
  if (file === undefined) throw notFound();
  const range = parseRange(call.request.offset, call.request.length, file.size);
  const slot = context.uploads.acquire(
    {
      remote: call.getPeer(),
      sha256,
      name: file.name,
      fileSize: file.size,
      ...range,
    },
    signal,
  );
  if ('refused' in slot) {
    throw new RequestError(grpcJs().status.RESOURCE_EXHAUSTED, slot.refused);
  }
  const stalled = `the downloader took no data for ${context.uploadStallMs / 1_000} s`;
  const watch = new StallWatch(context.uploadStallMs, () => {
    resetStream(call, { code: grpcJs().status.CANCELLED, details: stalled });
    aborted.abort();
  });
  let handle: FileHandle | undefined;
  try {
    handle = await openServedFile(file);
    if (handle === undefined) {
      context.share.scan?.().catch(() => undefined);
      throw notFound();
    }
    await sendRange(context, call, handle, range, slot, watch);
    slot.finish(endReason(signal, watch, stalled));
  } catch (error) {
    slot.finish(getErrorMessage(error));
    throw error;
  } finally {
    watch.stop();
    await handle?.close();
  }
}

async function sendRange(
  context: ServerContext,
  call: DownloadCall,
  handle: FileHandle,
  range: { offset: number; length: number },
  slot: UploadSlot,
  watch: StallWatch,
): Promise<void> {
  const pool = new BufferPool(
    BUFFERS_PER_UPLOAD,
    CHUNK_HEADER_ROOM + MAX_CHUNK_BYTES,
  );
  const end = range.offset + range.length;
  for (let position = range.offset; position < end;) {
    watch.waiting();
    const buffer = await pool.take(slot.signal);
    watch.moving();
    if (buffer === undefined) return;
    const want = Math.min(MAX_CHUNK_BYTES, end - position);
    const { bytesRead } = await handle.read(
      buffer,
      CHUNK_HEADER_ROOM,
      want,
      position,
    );
    if (bytesRead === 0) throw new Error('the file shrank while it was sent');
    await context.limiter?.take(bytesRead, slot.signal);
    if (slot.signal.aborted) return;
    const message = encodeChunkInPlace(buffer, position, bytesRead);
    call.write(message, () => pool.give(buffer));
    position += bytesRead;
    slot.sent(bytesRead);
  }
  call.end();
}

function endReason(
  signal: AbortSignal,
  watch: StallWatch,
  stalled: string,
): string | undefined {
  if (watch.stalled) return stalled;
  return signal.aborted ? 'cancelled by the downloader' : undefined;
}

function notFound(): RequestError {
  return new RequestError(
    grpcJs().status.NOT_FOUND,
    'no shared file has that sha256',
  );
}

function fail(call: DownloadCall, error: unknown): void {
  if (call.cancelled) return;
  const code =
    error instanceof RequestError ? error.code : grpcJs().status.UNAVAILABLE;
  call.emit('error', { code, details: getErrorMessage(error) });
}

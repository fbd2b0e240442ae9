import { once } from 'node:events';
import type {
  sendUnaryData,
  ServerUnaryCall,
  ServerWritableStream,
} from '@grpc/grpc-js';
import { getErrorMessage } from '../errors.js';
import type { BrowseRequest__Output } from '../generated/ferry/v1/BrowseRequest.js';
import type { GetInfoRequest__Output } from '../generated/ferry/v1/GetInfoRequest.js';
import type { GetInfoResponse } from '../generated/ferry/v1/GetInfoResponse.js';
import type { GetManifestRequest__Output } from '../generated/ferry/v1/GetManifestRequest.js';
import type { Manifest } from '../generated/ferry/v1/Manifest.js';
import type { SharedFile } from '../generated/ferry/v1/SharedFile.js';
import { splitPieceHashes } from '../share/pieces.js';
import { parseSha256, RequestError } from './request-validation.js';
import type { ServerContext } from './server-context.js';
import { grpcJs } from '../grpc/load-on-use.js';

/** `GetInfo`: who we are and what we share. */
export function serveInfo(
  context: ServerContext,
  _call: ServerUnaryCall<GetInfoRequest__Output, GetInfoResponse>,
  callback: sendUnaryData<GetInfoResponse>,
): void {
  const summary = context.share.summary();
  callback(null, {
    username: context.username,
    version: context.version,
    file_count: summary.fileCount,
    total_bytes: summary.totalBytes,
    upload_slots: context.uploads.slots,
    uploads_active: context.uploads.activeCount,
  });
}

/** `GetManifest`: the piece hashes of one shared file. */
export function serveManifest(
  context: ServerContext,
  call: ServerUnaryCall<GetManifestRequest__Output, Manifest>,
  callback: sendUnaryData<Manifest>,
): void {
  try {
    const sha256 = parseSha256(call.request.sha256);
    const file = context.share.lookup(sha256);
    if (file === undefined) {
      throw new RequestError(
        grpcJs().status.NOT_FOUND,
        'no shared file has that sha256',
      );
    }
    callback(null, {
      sha256,
      size: file.size,
      piece_size: file.pieceSize,
      piece_hashes: splitPieceHashes(file.pieceHashes),
      pieces_root: file.piecesRoot,
    });
  } catch (error) {
    const code =
      error instanceof RequestError ? error.code : grpcJs().status.INTERNAL;
    callback({ code, details: getErrorMessage(error) });
  }
}

/** `Browse`: every shared file, written as fast as the client reads. */
export function serveBrowse(
  context: ServerContext,
  call: ServerWritableStream<BrowseRequest__Output, SharedFile>,
): void {
  writeEntries(context, call).catch((error: unknown) => {
    if (!call.cancelled) {
      call.emit('error', {
        code: grpcJs().status.INTERNAL,
        details: getErrorMessage(error),
      });
    }
  });
}

async function writeEntries(
  context: ServerContext,
  call: ServerWritableStream<BrowseRequest__Output, SharedFile>,
): Promise<void> {
  for (const file of context.share.files()) {
    if (call.cancelled) return;
    const more = call.write({
      name: file.name,
      path: file.path,
      size: file.size,
      sha256: file.sha256,
      pieces_root: file.piecesRoot,
      mtime_ms: file.mtimeMs,
    });
    if (!more)
      await Promise.race([once(call, 'drain'), once(call, 'cancelled')]);
  }
  call.end();
}

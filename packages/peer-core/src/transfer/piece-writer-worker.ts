/**
 * Entry module of a download's piece-writer worker thread. Hashing and
 * writing pieces here keeps them off the thread that receives gRPC data.
 */
import { parentPort } from 'node:worker_threads';
import { getErrorMessage } from '../errors.js';
import { PieceWriterCore } from './piece-writer-core.js';
import type {
  PieceWriterInit,
  PieceWriterReply,
  PieceWriterRequest,
} from './piece-writer-protocol.js';

interface Writing {
  core: PieceWriterCore;
  init: PieceWriterInit;
}

/** Set by the first request: the thread starts before the file is known. */
let writing: Writing | undefined;

const port = parentPort;
if (port !== null) {
  port.on('message', (request: PieceWriterRequest) => {
    void respond(request).then((reply) => port.postMessage(reply));
  });
}

async function respond(request: PieceWriterRequest): Promise<PieceWriterReply> {
  if (request.type === 'init') return initialize(request);
  if (writing === undefined) {
    return {
      id: request.id,
      ok: false,
      error: 'no file to write (not opened yet, or closed)',
    };
  }
  return handle(writing, request);
}

function initialize(
  request: PieceWriterRequest & { type: 'init' },
): PieceWriterReply {
  try {
    writing = { core: new PieceWriterCore(request.init), init: request.init };
    return { id: request.id, ok: true };
  } catch (error) {
    return { id: request.id, ok: false, error: getErrorMessage(error) };
  }
}

async function handle(
  { core, init }: Writing,
  request: Exclude<PieceWriterRequest, { type: 'init' }>,
): Promise<PieceWriterReply> {
  try {
    switch (request.type) {
      case 'piece': {
        const data = new Uint8Array(
          init.slots,
          request.slot * init.pieceSize,
          request.length,
        );
        const ok = await core.writePiece(request.index, data);
        return ok
          ? { id: request.id, ok }
          : { id: request.id, ok, corrupt: true, error: 'piece hash mismatch' };
      }
      case 'finish':
        return { id: request.id, ok: true, sha256: await core.finish() };
      case 'close':
        writing = undefined;
        await core.close();
        return { id: request.id, ok: true };
      default: {
        const unknown: never = request;
        return {
          id: 0,
          ok: false,
          error: `unknown request ${String(unknown)}`,
        };
      }
    }
  } catch (error) {
    return { id: request.id, ok: false, error: getErrorMessage(error) };
  }
}

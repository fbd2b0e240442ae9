/**
 * Entry module of a download's piece-writer worker thread. Hashing and
 * writing pieces here keeps them off the thread that receives gRPC data.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { getErrorMessage } from '../errors.js';
import { PieceWriterCore } from './piece-writer-core.js';
import type {
  PieceWriterInit,
  PieceWriterReply,
  PieceWriterRequest,
} from './piece-writer-protocol.js';

const port = parentPort;
if (port !== null) {
  const init = workerData as PieceWriterInit;
  const core = new PieceWriterCore(init);
  port.on('message', (request: PieceWriterRequest) => {
    port.postMessage(handle(core, init, request));
  });
}

function handle(
  core: PieceWriterCore,
  init: PieceWriterInit,
  request: PieceWriterRequest,
): PieceWriterReply {
  try {
    switch (request.type) {
      case 'piece': {
        const data = new Uint8Array(
          init.slots,
          request.slot * init.pieceSize,
          request.length,
        );
        const ok = core.writePiece(request.index, data);
        return ok
          ? { id: request.id, ok }
          : { id: request.id, ok, corrupt: true, error: 'piece hash mismatch' };
      }
      case 'finish':
        return { id: request.id, ok: true, sha256: core.finish() };
      case 'close':
        core.close();
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

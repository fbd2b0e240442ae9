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
  const core = new PieceWriterCore(workerData as PieceWriterInit);
  port.on('message', (request: PieceWriterRequest) => {
    port.postMessage(handle(core, request), spent(request));
  });
}

/**
 * A written piece's memory goes back with the reply: freed by the receiving
 * thread's frequent collections instead of piling up here, where little else
 * is allocated and garbage is collected rarely.
 */
function spent(request: PieceWriterRequest): ArrayBuffer[] {
  return request.type === 'piece' && request.data.buffer instanceof ArrayBuffer
    ? [request.data.buffer]
    : [];
}

function handle(
  core: PieceWriterCore,
  request: PieceWriterRequest,
): PieceWriterReply {
  try {
    switch (request.type) {
      case 'piece': {
        const ok = core.writePiece(
          request.index,
          request.data,
          request.expected,
        );
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

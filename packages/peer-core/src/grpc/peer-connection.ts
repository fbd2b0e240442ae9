import type * as grpc from '@grpc/grpc-js';
import { PeerError, PeerErrorCode } from '../errors.js';
import type { ProtoGrpcType } from '../generated/peer.js';
import type { PeerClient as GrpcPeerClient } from '../generated/ferry/v1/Peer.js';
import type { SharedFileEntry } from '../peer/peer-client.js';
import { loadPeerProto } from '../proto/load.js';
import { CLIENT_CHANNEL_OPTIONS } from './channel-options.js';
import { formatPeerAddress, type PeerAddress } from './peer-address.js';
import type { FileChunk, FileManifest, PeerInfo } from './peer-types.js';
import { toPeerError } from './to-peer-error.js';
import { fromGrpcEntry, fromGrpcInfo, fromGrpcManifest } from './from-grpc.js';
import { grpcJs } from './load-on-use.js';
import { peerClientClass, type DecodedChunk } from './frame-chunks.js';

export interface PeerConnectionOptions {
  /** Deadline of `getInfo` and `getManifest`, in ms (default 10 s). */
  callDeadlineMs?: number;
  /** Deadline of a whole `browse`, in ms (default 60 s). */
  browseDeadlineMs?: number;
  /** A loaded proto, to avoid loading it once per connection. */
  proto?: ProtoGrpcType;
}

export interface DownloadCallOptions {
  /** Deadline of the whole stream, in ms. */
  deadlineMs: number;
  /** Aborting cancels the call; the iteration then throws `CANCELLED`. */
  signal?: AbortSignal;
}

/**
 * A gRPC client of one peer (`ferry.v1.Peer`). Every call has a deadline;
 * failures are thrown as `PeerError`s (`PeerCallError` when the peer
 * answered with a status). Call `close()` when done.
 */
export class PeerConnection {
  readonly address: string;
  readonly #client: GrpcPeerClient;
  readonly #callDeadlineMs: number;
  readonly #browseDeadlineMs: number;

  constructor(address: PeerAddress, options: PeerConnectionOptions = {}) {
    this.address = formatPeerAddress(address);
    const proto = options.proto ?? loadPeerProto();
    this.#client = new (peerClientClass(proto))(
      this.address,
      grpcJs().credentials.createInsecure(),
      CLIENT_CHANNEL_OPTIONS,
    );
    this.#callDeadlineMs = options.callDeadlineMs ?? 10_000;
    this.#browseDeadlineMs = options.browseDeadlineMs ?? 60_000;
  }

  /**
   * Starts connecting now rather than on the first call, so a download's
   * sources connect while the manifest is fetched from one of them.
   */
  connect(): void {
    this.#client.getChannel().getConnectivityState(true);
  }

  /** Who the peer is and what it shares in total. */
  getInfo(): Promise<PeerInfo> {
    return new Promise((resolve, reject) => {
      this.#client.GetInfo({}, this.#deadline(), (error, response) => {
        if (error || !response)
          reject(toPeerError(error, this.#what('GetInfo')));
        else resolve(fromGrpcInfo(response));
      });
    });
  }

  /** The file's manifest, checked for internal consistency. */
  getManifest(sha256: string): Promise<FileManifest> {
    return new Promise((resolve, reject) => {
      this.#client.GetManifest({ sha256 }, this.#deadline(), (error, reply) => {
        if (error || !reply) {
          reject(toPeerError(error, this.#what('GetManifest')));
          return;
        }
        try {
          resolve(fromGrpcManifest(reply, sha256));
        } catch (invalid) {
          reject(toPeerError(invalid, this.#what('GetManifest')));
        }
      });
    });
  }

  /** The peer's share, one entry at a time; malformed entries are skipped. */
  async *browse(): AsyncGenerator<SharedFileEntry> {
    const call = this.#client.Browse(
      {},
      {
        deadline: Date.now() + this.#browseDeadlineMs,
      },
    );
    try {
      for await (const entry of call) {
        const parsed = fromGrpcEntry(entry as unknown);
        if (parsed !== undefined) yield parsed;
      }
    } catch (error) {
      throw toPeerError(error, this.#what('Browse'));
    } finally {
      call.cancel();
    }
  }

  /** The bytes [offset, offset + length) of a file, as chunks. */
  async *download(
    sha256: string,
    offset: number,
    length: number,
    options: DownloadCallOptions,
  ): AsyncGenerator<FileChunk> {
    const call = this.#client.Download(
      { sha256, offset: String(offset), length: String(length) },
      { deadline: Date.now() + options.deadlineMs },
    );
    const cancel = (): void => call.cancel();
    options.signal?.addEventListener('abort', cancel, { once: true });
    try {
      if (options.signal?.aborted) cancel();
      for await (const chunk of call) {
        yield checkChunk(chunk as unknown);
      }
    } catch (error) {
      throw toPeerError(error, this.#what('Download'));
    } finally {
      options.signal?.removeEventListener('abort', cancel);
      call.cancel();
    }
  }

  close(): void {
    this.#client.close();
  }

  #deadline(): grpc.CallOptions {
    return { deadline: Date.now() + this.#callDeadlineMs };
  }

  #what(method: string): string {
    return `${method} from ${this.address}`;
  }
}

function checkChunk(chunk: unknown): FileChunk {
  const { offset, parts } = chunk as DecodedChunk;
  const at = Number(offset);
  if (
    !Number.isSafeInteger(at) ||
    !Array.isArray(parts) ||
    !parts.every((part) => part instanceof Uint8Array)
  ) {
    throw new PeerError(PeerErrorCode.IntegrityError, 'malformed chunk');
  }
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  return { offset: at, length, parts };
}

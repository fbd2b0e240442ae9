import { PeerError, PeerErrorCode } from '../errors.js';

/** Where a peer serves gRPC. */
export interface PeerAddress {
  host: string;
  port: number;
}

/** Parses "HOST:PORT" or "[IPv6]:PORT"; port 0 is allowed (pick one). */
export function parsePeerAddress(text: string): PeerAddress {
  const match = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(text.trim());
  const host = match?.[1] ?? match?.[2];
  const port = Number(match?.[3]);
  if (host === undefined || !Number.isInteger(port) || port > 65_535) {
    throw new PeerError(
      PeerErrorCode.InvalidInput,
      `not a HOST:PORT address: "${text}"`,
    );
  }
  return { host, port };
}

/** Formats an address as grpc-js expects it. */
export function formatPeerAddress(address: PeerAddress): string {
  return address.host.includes(':')
    ? `[${address.host}]:${address.port}`
    : `${address.host}:${address.port}`;
}

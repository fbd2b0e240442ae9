/**
 * The host of a downloader's address as grpc-js reports it (the socket's
 * address and port: "127.0.0.1:5555", "::1:5555"; "[::1]:5555" and an
 * "ipv4:" or "ipv6:" prefix are taken too), without the port. An
 * IPv4-mapped IPv6 address ("::ffff:127.0.0.1", how a dual-stack server
 * sees an IPv4 client) is given as the IPv4 address, so one machine counts
 * once however it came.
 */
export function remoteHostOf(peer: string): string {
  const host = peer
    .replace(/^ipv[46]:/, '')
    .replace(/:\d+$/, '')
    .replace(/^\[(.*)\]$/, '$1');
  return host.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
}

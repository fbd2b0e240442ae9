import { isIP } from 'node:net';

/** An IPv4-mapped IPv6 address as plain IPv4 ("::ffff:1.2.3.4" → "1.2.3.4"). */
export function unmapIpv4(address: string): string {
  const match = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return match?.[1] ?? address;
}

function ipv4Octets(address: string): number[] {
  return address.split('.').map(Number);
}

/** Why a host cannot be announced, or null when it can. */
export function hostProblem(host: string): string | null {
  const plain = unmapIpv4(host);
  const family = isIP(plain);
  if (family === 4) {
    const [a = 0] = ipv4Octets(plain);
    if (plain === '0.0.0.0') return 'the unspecified address 0.0.0.0';
    if (plain === '255.255.255.255') return 'the broadcast address';
    if (a >= 224) return 'a multicast or reserved address';
    return null;
  }
  if (family === 6) {
    const lower = plain.toLowerCase();
    if (/^[0:]+$/.test(lower)) return 'the unspecified address ::';
    if (lower.startsWith('ff')) return 'a multicast address';
    return null;
  }
  if (host.includes(':')) return 'not a valid IPv6 address';
  if (/^[0-9.]+$/.test(host)) return 'not a valid IPv4 address';
  const labels = host.replace(/\.$/, '').split('.');
  const valid = labels.every((label) =>
    /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(label),
  );
  return valid ? null : 'not a valid host name';
}

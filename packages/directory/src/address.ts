import { BlockList, isIP } from 'node:net';

/** An IPv4-mapped IPv6 address as plain IPv4 ("::ffff:1.2.3.4" → "1.2.3.4"). */
export function unmapIpv4(address: string): string {
  const match = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return match?.[1] ?? address;
}

type Family = 'ipv4' | 'ipv6';

interface Unreachable {
  reason: string;
  family: Family;
  network: string;
  prefix: number;
  /** A zone (`fe80::1%eth0`) makes the address usable. */
  zoneHelps?: boolean;
}

/**
 * Addresses no other peer can ever reach, first match wins. Loopback and
 * private ranges are not here: tests, the demo and LANs use them.
 */
const UNREACHABLE: readonly Unreachable[] = [
  {
    reason: 'the unspecified address 0.0.0.0',
    family: 'ipv4',
    network: '0.0.0.0',
    prefix: 32,
  },
  {
    reason: 'in 0.0.0.0/8 ("this network", not a destination)',
    family: 'ipv4',
    network: '0.0.0.0',
    prefix: 8,
  },
  {
    reason: 'the broadcast address',
    family: 'ipv4',
    network: '255.255.255.255',
    prefix: 32,
  },
  {
    reason: 'a multicast address',
    family: 'ipv4',
    network: '224.0.0.0',
    prefix: 4,
  },
  {
    reason: 'a reserved address (240.0.0.0/4)',
    family: 'ipv4',
    network: '240.0.0.0',
    prefix: 4,
  },
  {
    reason: 'the unspecified address ::',
    family: 'ipv6',
    network: '::',
    prefix: 128,
  },
  {
    reason: 'a multicast address',
    family: 'ipv6',
    network: 'ff00::',
    prefix: 8,
  },
  {
    reason: 'a link-local address without a zone (fe80::/10 needs %iface)',
    family: 'ipv6',
    network: 'fe80::',
    prefix: 10,
    zoneHelps: true,
  },
];

const RULES = UNREACHABLE.map((rule) => {
  const list = new BlockList();
  list.addSubnet(rule.network, rule.prefix, rule.family);
  return { ...rule, list };
});

/** Why an IP literal can never be reached by another peer, or null. */
function unreachableReason(address: string, family: Family): string | null {
  const [bare = address, zone] = address.split('%');
  const rule = RULES.find(
    (candidate) =>
      !(candidate.zoneHelps === true && zone !== undefined) &&
      candidate.list.check(bare, family),
  );
  return rule?.reason ?? null;
}

/** Why a host cannot be announced, or null when it can. */
export function hostProblem(host: string): string | null {
  const plain = unmapIpv4(host);
  const family = isIP(plain);
  if (family === 4) return unreachableReason(plain, 'ipv4');
  if (family === 6) return unreachableReason(plain, 'ipv6');
  if (host.includes(':')) return 'not a valid IPv6 address';
  const labels = host.replace(/\.$/, '').split('.');
  // A last label of digits or 0x-hex makes the whole name an IPv4 address
  // to resolvers and URL parsers ("0x7f.1" is 127.0.0.1): only the dotted
  // decimal form, checked above, is taken.
  if (/^(?:[0-9]+|0x[0-9a-f]*)$/i.test(labels.at(-1) ?? '')) {
    return 'not a valid IPv4 address (write it as four decimal numbers)';
  }
  const valid = labels.every((label) =>
    /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(label),
  );
  return valid ? null : 'not a valid host name';
}

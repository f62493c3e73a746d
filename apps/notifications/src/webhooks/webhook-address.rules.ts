import { BlockList, isIP } from 'node:net';

/** Why an address is not on the public Internet (IANA special-purpose registries), or `public`. */
export type AddressClass =
  | 'public'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'shared'
  | 'link-local'
  | 'unique-local'
  | 'multicast'
  | 'documentation'
  | 'benchmarking'
  | 'reserved'
  | 'translation'
  | 'invalid';

const ranges: readonly [AddressClass, 'ipv4' | 'ipv6', string, number][] = [
  ['unspecified', 'ipv4', '0.0.0.0', 8],
  ['private', 'ipv4', '10.0.0.0', 8],
  ['shared', 'ipv4', '100.64.0.0', 10],
  ['loopback', 'ipv4', '127.0.0.0', 8],
  ['link-local', 'ipv4', '169.254.0.0', 16],
  ['private', 'ipv4', '172.16.0.0', 12],
  ['reserved', 'ipv4', '192.0.0.0', 24],
  ['documentation', 'ipv4', '192.0.2.0', 24],
  ['translation', 'ipv4', '192.88.99.0', 24],
  ['private', 'ipv4', '192.168.0.0', 16],
  ['benchmarking', 'ipv4', '198.18.0.0', 15],
  ['documentation', 'ipv4', '198.51.100.0', 24],
  ['documentation', 'ipv4', '203.0.113.0', 24],
  ['multicast', 'ipv4', '224.0.0.0', 4],
  ['reserved', 'ipv4', '240.0.0.0', 4],
  ['unspecified', 'ipv6', '::', 128],
  ['loopback', 'ipv6', '::1', 128],
  // IPv4-compatible (deprecated) and the rest of ::/8 but the mapped block, which is classified by its IPv4 address.
  ['reserved', 'ipv6', '::', 96],
  ['translation', 'ipv6', '64:ff9b::', 96],
  ['translation', 'ipv6', '64:ff9b:1::', 48],
  ['reserved', 'ipv6', '100::', 64],
  ['reserved', 'ipv6', '2001::', 23],
  ['documentation', 'ipv6', '2001:db8::', 32],
  ['translation', 'ipv6', '2002::', 16],
  ['documentation', 'ipv6', '3fff::', 20],
  ['reserved', 'ipv6', '5f00::', 16],
  ['unique-local', 'ipv6', 'fc00::', 7],
  ['link-local', 'ipv6', 'fe80::', 10],
  ['reserved', 'ipv6', 'fec0::', 10],
  ['multicast', 'ipv6', 'ff00::', 8],
];

const lists = ranges.map(([kind, family, network, prefix]) => {
  const list = new BlockList();
  list.addSubnet(network, prefix, family);
  return { kind, family, list };
});

/** The IPv4 address an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`, `::ffff:7f00:1`) stands for, or null. */
export function mappedIpv4(address: string): string | null {
  const words = expandIpv6(address);
  if (!words || words.slice(0, 5).some((word) => word !== 0) || words[5] !== 0xffff) return null;
  return [words[6]! >> 8, words[6]! & 0xff, words[7]! >> 8, words[7]! & 0xff].join('.');
}

/** The eight 16-bit words of an IPv6 address (with an embedded dotted quad, a zone), or null. */
function expandIpv6(address: string): number[] | null {
  let text = address.split('%')[0]!.toLowerCase();
  if (isIP(text) !== 6) return null;
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (quad) {
    const bytes = quad[1]!.split('.').map(Number);
    text = text.slice(0, -quad[1]!.length) + `${((bytes[0]! << 8) | bytes[1]!).toString(16)}:${((bytes[2]! << 8) | bytes[3]!).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  const words = [...left, ...(tail === undefined ? [] : Array<string>(missing).fill('0')), ...right].map((word) => parseInt(word, 16));
  return words.length === 8 ? words : null;
}

/** What kind of address `address` (IPv4 or IPv6, as a resolver answers it) is; an IPv4-mapped IPv6 address is its IPv4 one. */
export function classifyAddress(address: string): AddressClass {
  const family = isIP(address.split('%')[0]!);
  if (family === 0) return 'invalid';
  if (family === 6) {
    const mapped = mappedIpv4(address);
    if (mapped) return classifyAddress(mapped);
  }
  const type = family === 4 ? 'ipv4' : 'ipv6';
  const plain = address.split('%')[0]!;
  // The first match is the most specific one: the table lists ::1 and :: before ::/96.
  return lists.find((entry) => entry.family === type && entry.list.check(plain, type))?.kind ?? 'public';
}

/** Whether a webhook may connect to `address`. */
export function isPublicAddress(address: string): boolean {
  return classifyAddress(address) === 'public';
}

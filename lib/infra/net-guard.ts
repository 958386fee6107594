// The SSRF guard: the server must never become a proxy into the network it runs in. Every
// address a user-supplied source resolves to must be public unicast, checked once before the
// request (covers IP literals, which never reach a lookup) and again at connect time through
// `guardedLookup` (covers DNS rebinding between the check and the connect).
import dns, { type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';

import ipaddr from 'ipaddr.js';

export const ALLOW_PRIVATE_ENV = 'ALLOW_PRIVATE_SOURCES';

const RANGE_WORDS: Readonly<Record<string, string>> = {
  loopback: 'a loopback',
  private: 'a private',
  linkLocal: 'a link-local',
  uniqueLocal: 'a unique-local (private IPv6)',
  unspecified: 'an unspecified',
  multicast: 'a multicast',
  broadcast: 'a broadcast',
  carrierGradeNat: 'a carrier-grade NAT',
  reserved: 'a reserved',
  benchmarking: 'a benchmarking',
  teredo: 'a Teredo tunnel',
  ipv4Compatible: 'an IPv4-compatible IPv6',
  invalid: 'not an IP',
};

export class AddressRefusedError extends Error {
  override name = 'AddressRefusedError';
  readonly address: string;
  /** ipaddr.js range name ("loopback", "private", …) or our own ("ipv4Compatible", "invalid"). */
  readonly range: string;

  constructor(address: string, range: string, hostname?: string) {
    const what = RANGE_WORDS[range] ?? `a non-public (${range})`;
    const subject = hostname && hostname !== address ? `${hostname} resolves to ${address}, which` : address;
    super(`refused: ${subject} is ${what} address; set ${ALLOW_PRIVATE_ENV}=1 to allow`);
    this.address = address;
    this.range = range;
  }
}

const NAT64_WELL_KNOWN = ipaddr.parseCIDR('64:ff9b::/96');

/** 'unicast' for a public address, else the range that makes it non-public. */
export function addressRange(ip: string): string {
  const text = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  if (!ipaddr.isValid(text)) return 'invalid';
  const address = ipaddr.parse(text);
  if (address.kind() === 'ipv4') return address.range();

  const v6 = address as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().range();
  const range = v6.range();
  const parts = v6.parts;
  // Tunnels and translators that carry an IPv4 address inside: the embedded address decides.
  if (range === '6to4') return ipv4FromWords(parts[1], parts[2]).range();
  if (range === 'rfc6052') return v6.match(NAT64_WELL_KNOWN) ? ipv4FromWords(parts[6], parts[7]).range() : 'reserved';
  // ::a.b.c.d (deprecated IPv4-compatible, ::/96): ipaddr.js calls it unicast; nothing public uses it.
  if (range === 'unicast' && parts.slice(0, 6).every((part) => part === 0)) return 'ipv4Compatible';
  return range;
}

function ipv4FromWords(high = 0, low = 0): ipaddr.IPv4 {
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}

/** Only public unicast counts: loopback, private, link-local, CGNAT, reserved… are refused. */
export function isPublicAddress(ip: string): boolean {
  return addressRange(ip) === 'unicast';
}

function refuseNonPublic(addresses: readonly string[], hostname: string): void {
  for (const address of addresses) {
    const range = addressRange(address);
    if (range !== 'unicast') throw new AddressRefusedError(address, range, hostname);
  }
}

/**
 * An IP literal as written in a URL host ("[::1]", "127.0.0.1", and the forms WHATWG URL has
 * already normalized such as "0x7f.1" or "2130706433"), normalized; null for a DNS name.
 */
function literalAddress(hostname: string): string | null {
  const text = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  if (ipaddr.IPv6.isValid(text)) return ipaddr.IPv6.parse(text).toString();
  // ipaddr's IPv4 parser also reads "0x7f.1", "0177.0.0.1" and "2130706433" as getaddrinfo would.
  if (ipaddr.IPv4.isValid(text)) return ipaddr.IPv4.parse(text).toString();
  return null;
}

/**
 * Resolves `hostname` to all its addresses and throws AddressRefusedError if any of them is not
 * public (unless `allowPrivate`). Returns the addresses.
 */
export async function assertPublicHost(hostname: string, allowPrivate: boolean): Promise<string[]> {
  if (hostname.trim() === '') throw new AddressRefusedError(hostname, 'invalid');
  const literal = literalAddress(hostname);
  const addresses = literal !== null ? [literal] : (await dns.promises.lookup(hostname, { all: true })).map((entry) => entry.address);
  // "[::1]" is reported as ::1; a name, or an odd literal form ("0x7f.1"), as "… resolves to …".
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  if (!allowPrivate) refuseNonPublic(addresses, bare);
  return addresses;
}

/**
 * A drop-in `lookup` for node:http/https (and net.connect) that refuses non-public answers at
 * connect time. It asks for every address so that one private answer refuses the whole name.
 */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) {
      callback(error, '', 0);
      return;
    }
    try {
      refuseNonPublic(
        addresses.map((entry) => entry.address),
        hostname,
      );
    } catch (refused) {
      callback(refused as AddressRefusedError, '', 0);
      return;
    }
    const first = addresses[0];
    if (options.all) callback(null, addresses);
    else if (first) callback(null, first.address, first.family);
    else callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
  });
};

/**
 * Which network addresses Parallax may fetch from. Only ordinary public unicast addresses are
 * allowed: loopback, private (10/8, 172.16/12, 192.168/16), link-local (169.254/16, with the
 * cloud metadata address 169.254.169.254), carrier-grade NAT (100.64/10), 0.0.0.0/8, multicast,
 * broadcast, reserved and documentation ranges, IPv6 unique-local and link-local, IPv4-mapped
 * and translated IPv6 (which can smuggle any of the above) are refused.
 */
import ipaddr from 'ipaddr.js';

/** The one ipaddr.js range name of a public address; every other range is refused. */
const PUBLIC_RANGE = 'unicast';

/** The ipaddr.js range name of an address ("loopback", "private", "uniqueLocal", …), or null if unparsable. */
export function addressRange(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, ''); // [v6] literals, zone ids
  if (!ipaddr.isValid(bare)) return null;
  return ipaddr.parse(bare).range();
}

/** True when the address is a public unicast address; false for anything private, special or unparsable. */
export function isPublicAddress(address: string): boolean {
  return addressRange(address) === PUBLIC_RANGE;
}

/** True when the text is an IP address literal (v4, v6, or a bracketed v6 host). */
export function isIpLiteral(host: string): boolean {
  return ipaddr.isValid(host.replace(/^\[|\]$/g, ''));
}

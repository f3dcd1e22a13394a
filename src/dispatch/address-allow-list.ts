/** Per-app allow-lists of source addresses in CIDR form (API error 5). */
import ipaddr from 'ipaddr.js';
import { InvalidInputError } from './invalid-input-error.js';

/**
 * Only the usual spellings: four decimal parts for IPv4 (ipaddr.js would also read `10` or
 * `0x7f.1`, which an operator never means), or an IPv6 address.
 */
function parseAddress(text: string): ipaddr.IPv4 | ipaddr.IPv6 {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text);
  if (text.includes(':') && ipaddr.IPv6.isValid(text)) return ipaddr.IPv6.parse(text);
  throw new Error('not an address');
}

/**
 * Normalises one entry (`10.0.0.0/8`, `2001:db8::/32`, or a single address) or refuses it.
 * IPv4-mapped IPv6 entries (`::ffff:10.0.0.0/104`) become plain IPv4, which is how clients are compared.
 */
export function parseCidr(text: string): string {
  const entry = text.trim();
  try {
    const slash = entry.indexOf('/');
    let address = parseAddress(slash === -1 ? entry : entry.slice(0, slash));
    const maxBits = address.kind() === 'ipv4' ? 32 : 128;
    const bitsText = slash === -1 ? String(maxBits) : entry.slice(slash + 1);
    let bits = /^\d{1,3}$/.test(bitsText) ? Number(bitsText) : NaN;
    if (!(bits >= 0 && bits <= maxBits)) throw new Error('bad prefix length');
    if (address instanceof ipaddr.IPv6 && address.isIPv4MappedAddress() && bits >= 96) {
      address = address.toIPv4Address();
      bits -= 96;
    }
    // 10.1.2.3/8 means the network 10.0.0.0/8; show it that way.
    const network = address instanceof ipaddr.IPv4 ? ipaddr.IPv4.networkAddressFromCIDR(`${address}/${bits}`) : ipaddr.IPv6.networkAddressFromCIDR(`${address}/${bits}`);
    return `${network.toString()}/${bits}`;
  } catch {
    throw new InvalidInputError(`not an IP address or CIDR block: ${JSON.stringify(entry)}`);
  }
}

/** A comma-separated list as typed on the command line; empty or `none` clears the list. */
export function parseCidrList(text: string): string[] {
  if (text.trim() === '' || text.trim().toLowerCase() === 'none') return [];
  return text.split(',').map(parseCidr);
}

function normalise(address: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  if (!ipaddr.isValid(address)) return undefined;
  // Node reports IPv4 clients of a dual-stack socket as ::ffff:a.b.c.d.
  return ipaddr.process(address);
}

/** An empty list allows every address. */
export function isAddressAllowed(allowed: readonly string[], clientAddress: string): boolean {
  if (allowed.length === 0) return true;
  const client = normalise(clientAddress);
  if (client === undefined) return false;
  return allowed.some((cidr) => {
    const [network, bits] = ipaddr.parseCIDR(cidr);
    const candidate = network.kind() === client.kind() ? client : undefined;
    return candidate !== undefined && candidate.match(network, bits);
  });
}

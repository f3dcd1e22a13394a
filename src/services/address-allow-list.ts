/** Per-app allow-lists of source addresses in CIDR form (API error 5). */
import ipaddr from 'ipaddr.js';
import { InvalidInputError } from './invalid-input-error.js';

/** Normalises one entry (`10.0.0.0/8`, `2001:db8::/32`, or a single address) or refuses it. */
export function parseCidr(text: string): string {
  const entry = text.trim();
  try {
    if (entry.includes('/')) {
      const [address, bits] = ipaddr.parseCIDR(entry);
      return `${address.toString()}/${bits}`;
    }
    const address = ipaddr.parse(entry);
    return `${address.toString()}/${address.kind() === 'ipv4' ? 32 : 128}`;
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

/**
 * Which addresses the canvas proxy may connect to (docs/canvas.md, "What Hearth will not fetch").
 * An app can change its own callback URL (admin.setAppProperties), so without this rule any app
 * could make Hearth fetch the operator's internal services and show it the answers. Public unicast
 * addresses are always allowed; loopback, private, link-local and every other special range only
 * within the networks the operator named (`hearth app canvas-settings --private-networks`).
 */
import ipaddr from 'ipaddr.js';

export type Network = readonly [ipaddr.IPv4 | ipaddr.IPv6, number];

function parseNetwork(entry: string): Network {
  try {
    if (entry.includes('/')) return ipaddr.parseCIDR(entry);
    const address = ipaddr.parse(entry);
    return [address, address.kind() === 'ipv4' ? 32 : 128];
  } catch {
    throw new RangeError(`not an address or CIDR block: ${JSON.stringify(entry)}`);
  }
}

/** `127.0.0.0/8,::1/128` → the networks; a bare address is a network of one. */
export function parseNetworks(text: string): Network[] {
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map(parseNetwork);
}

export function formatNetworks(networks: readonly Network[]): string {
  return networks.map(([address, bits]) => `${address.toString()}/${bits}`).join(',');
}

/** IPv4-mapped IPv6 addresses (`::ffff:127.0.0.1`) are judged as the IPv4 address they carry. */
function normalised(address: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  if (!ipaddr.isValid(address)) return undefined;
  const parsed = ipaddr.parse(address);
  return parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress() ? (parsed as ipaddr.IPv6).toIPv4Address() : parsed;
}

/** Verdicts already reached, per list of networks (the list is the same object while the setting is unchanged). */
const verdicts = new WeakMap<readonly Network[], Map<string, boolean>>();
const MAX_VERDICTS = 1_000;

/** Whether the proxy may connect to `address` (an IP address text). */
export function addressAllowed(address: string, privateNetworks: readonly Network[]): boolean {
  let known = verdicts.get(privateNetworks);
  if (known === undefined) verdicts.set(privateNetworks, (known = new Map()));
  const cached = known.get(address);
  if (cached !== undefined) return cached;
  const verdict = judged(address, privateNetworks);
  if (known.size >= MAX_VERDICTS) known.clear();
  known.set(address, verdict);
  return verdict;
}

function judged(address: string, privateNetworks: readonly Network[]): boolean {
  const parsed = normalised(address);
  if (!parsed) return false;
  if (parsed.range() === 'unicast') return true;
  return privateNetworks.some(([network, bits]) => network.kind() === parsed.kind() && parsed.match(network as never, bits));
}

/**
 * How long a client may take, and how many connections one address may hold: without these a few
 * hundred connections that send their headers and then one byte now and then would hold the
 * server's sockets for as long as they like.
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { Server as TlsServer } from 'node:tls';
import { isAddressAllowed, parseCidr } from '../dispatch/address-allow-list.js';
import { writeError } from '../wire/serialize/response-writer.js';
import { ApiError } from '../wire/errors.js';

export interface ConnectionLimits {
  readonly requestTimeoutSeconds: number;
  readonly headersTimeoutSeconds: number;
  /** 0: no limit. */
  readonly maxConnectionsPerAddress: number;
}

/** Options of node:http's createServer that carry the timeouts (Fastify passes them through). */
export function timeoutOptions(limits: ConnectionLimits) {
  return {
    headersTimeout: limits.headersTimeoutSeconds * 1000,
    requestTimeout: limits.requestTimeoutSeconds * 1000,
    // Node checks for timed-out requests this often; its default (30 s) would let them overstay.
    connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutSeconds * 500),
    // A request without Host (HTTP/1.1) gets the API's own answer from the route, not a bare 400.
    requireHostHeader: false,
  };
}

/**
 * Refuses a connection from an address that already holds `max` open ones, with the API's error 2
 * and a close. Connections from `trustedProxies` are never counted: every client behind them shares
 * their address.
 */
export function limitConnectionsPerAddress(server: Server, max: number, trustedProxies: readonly string[]): void {
  if (max <= 0) return;
  // Fastify takes single addresses as well as blocks; the allow-list compares blocks.
  const proxies = trustedProxies.map(parseCidr);
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress;
    if (address === undefined || (proxies.length > 0 && isAddressAllowed(proxies, address))) return;
    const count = (open.get(address) ?? 0) + 1;
    if (count > max) {
      // Over TLS nothing can be said before the handshake; the connection just ends.
      if (server instanceof TlsServer) socket.destroy();
      else refuse(socket, max);
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left <= 0) open.delete(address);
      else open.set(address, left);
    });
  });
}

function refuse(socket: Socket, max: number): void {
  const { contentType, body } = writeError({ format: 'xml', callback: undefined }, new ApiError(2, `more than ${max} open connections from your address`), []);
  const bytes = Buffer.from(body, 'utf8');
  socket.on('error', () => undefined);
  socket.end(`HTTP/1.1 200 OK\r\nContent-Type: ${contentType}\r\nContent-Length: ${bytes.length}\r\nConnection: close\r\n\r\n${body}`);
  // Whatever the client sends meanwhile is not read; the socket goes once the answer is out.
  socket.destroySoon();
}

/**
 * `hearth serve --proxy-port`: an HTTP forward proxy for the platform's host names only
 * (docs/platform-hosts.md). A client run with `http_proxy=http://hearth:PORT` sends
 * `GET http://api.facebook.com/restserver.php`; Hearth answers it itself, in this process, through
 * the same handler as its own port. It never opens a connection anywhere: any other host is refused.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { limitConnectionsPerAddress, timeoutOptions, type ConnectionLimits } from './connection-limits.js';
import { PLATFORM_HOSTS, platformHostRole } from './platform-hosts.js';

export interface PlatformProxyParts {
  /** The http server that answers plain requests. */
  readonly app: FastifyInstance;
  /** The https server, when Hearth serves TLS: CONNECT to a platform host's port 443 is tunnelled into it. */
  readonly tlsApp?: FastifyInstance;
  readonly limits: ConnectionLimits;
  readonly trustedProxies: readonly string[];
}

const SERVED = [...PLATFORM_HOSTS.keys()].join(', ');

function notForwarded(host: string): string {
  return `Hearth's proxy answers only for the platform's host names (${SERVED}); it does not forward requests to ${host}.\n`;
}

/** Headers meant for the proxy itself, not for the server behind it. */
const PROXY_HEADERS = ['proxy-connection', 'proxy-authorization'];

type Target = { readonly authority: string; readonly path: string } | { readonly status: number; readonly message: string };

/** The host and origin-form path of an absolute-URI request line, or why it cannot be answered. */
function targetOf(url: string): Target {
  if (url.startsWith('/') || url === '*') {
    return { status: 400, message: 'This is a proxy port: send absolute URLs, such as GET http://api.facebook.com/restserver.php (set http_proxy to this address).\n' };
  }
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'https') return { status: 400, message: 'https URLs go through CONNECT, not as a plain request (set https_proxy, not only http_proxy).\n' };
  if (scheme !== 'http') return { status: 400, message: 'This proxy takes only http:// URLs.\n' };
  const rest = url.slice('http://'.length);
  const slash = rest.search(/[/?#]/);
  const authority = slash === -1 ? rest : rest.slice(0, slash);
  const path = slash === -1 ? '/' : rest.slice(slash).replace(/#.*$/, '');
  if (!/^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(authority)) return { status: 400, message: 'The URL has no host name this proxy can read.\n' };
  if (platformHostRole(authority) === undefined) return { status: 403, message: notForwarded(authority.replace(/:\d+$/, '')) };
  return { authority, path: path.startsWith('/') ? path : `/${path}` };
}

function sendText(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(message), connection: 'close' });
  response.end(message);
}

/** A reply written straight onto a socket the HTTP parser no longer reads (CONNECT, malformed requests). */
function endSocket(socket: Socket, status: string, message: string): void {
  socket.on('error', () => undefined);
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  socket.end(`HTTP/1.1 ${status}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(message)}\r\nConnection: close\r\n\r\n${message}`);
  socket.destroySoon();
}

export interface PlatformProxy {
  readonly server: Server;
  /** Ends every connection still open, tunnels included (at shutdown, once the servers behind are closed). */
  dropConnections(): void;
}

export function createPlatformProxy(parts: PlatformProxyParts): PlatformProxy {
  const tunnels = new Set<Socket>();
  const server = createServer({ ...timeoutOptions(parts.limits) }, (request: IncomingMessage, response: ServerResponse) => {
    const target = targetOf(request.url ?? '');
    if ('status' in target) {
      // The body is not read; the connection closes after the answer, so it cannot be taken for the next request.
      sendText(response, target.status, target.message);
      return;
    }
    // The absolute URI's host wins over the Host header (RFC 9112 §3.2.2); the route sees an ordinary request.
    request.headers.host = target.authority;
    request.url = target.path;
    for (const name of PROXY_HEADERS) delete request.headers[name];
    parts.app.routing(request, response);
  });

  server.on('connect', (request: IncomingMessage, socket: Socket, head: Buffer) => {
    const authority = request.url ?? '';
    const port = /:(\d+)$/.exec(authority)?.[1];
    if (platformHostRole(authority) === undefined) return endSocket(socket, '403 Forbidden', notForwarded(authority.replace(/:\d+$/, '')));
    if (!parts.tlsApp) {
      return endSocket(socket, '501 Not Implemented', 'Hearth serves no https here, so this proxy cannot take CONNECT; call the http:// URL, or start hearth serve with --tls-port, --tls-cert and --tls-key.\n');
    }
    if (port !== '443') return endSocket(socket, '403 Forbidden', 'Through this proxy, https is served on port 443 only.\n');
    // The tunnel ends in Hearth's own https server, on its certificate: nothing leaves this process.
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) socket.unshift(head);
    tunnels.add(socket);
    socket.once('close', () => tunnels.delete(socket));
    parts.tlsApp.server.emit('connection', socket);
  });

  server.on('clientError', (error: Error & { code?: string }, socket: Socket) => {
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return endSocket(socket, '408 Request Timeout', `The request did not arrive within ${parts.limits.requestTimeoutSeconds} seconds.\n`);
    if (error.code === 'HPE_HEADER_OVERFLOW') return endSocket(socket, '431 Request Header Fields Too Large', 'The request line and headers are larger than 16 KiB.\n');
    endSocket(socket, '400 Bad Request', 'This is not an HTTP request this proxy can read.\n');
  });

  limitConnectionsPerAddress(server, parts.limits.maxConnectionsPerAddress, parts.trustedProxies);
  return {
    server,
    dropConnections: () => {
      server.closeAllConnections();
      for (const socket of tunnels) socket.destroy();
    },
  };
}

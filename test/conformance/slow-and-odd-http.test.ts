/**
 * Clients that take their time, hold many connections, or speak odd HTTP: each gets an answer in
 * the API's envelope within the server's timeouts, and none can hold the server's sockets.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { expectError, httpRequest, rawHttp } from './protocol-helpers.js';

let server: TestServer;
const LIMITS = { requestTimeoutSeconds: 2, headersTimeoutSeconds: 1, maxConnectionsPerAddress: 40 };

beforeAll(async () => {
  server = await startTestServer({ limits: LIMITS });
});
afterAll(() => server?.close());

interface Dribble {
  /** What the server sent before it closed. */
  readonly answer: string;
  /** Milliseconds from connecting until the server closed the connection. */
  readonly closedAfterMs: number;
}

/** Connects, sends `head`, then one byte of `trickle` every `everyMs`, until the server closes (or 10 s pass). */
function dribble(head: string, trickle: string, everyMs: number): Promise<Dribble> {
  const { port } = new URL(server.url);
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(head));
    let answer = '';
    let at = 0;
    const timer = setInterval(() => {
      if (socket.writable) socket.write(trickle[at++ % trickle.length]!);
    }, everyMs);
    const giveUp = setTimeout(() => socket.destroy(), 10_000);
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      clearTimeout(giveUp);
      resolve({ answer, closedAfterMs: Date.now() - started });
    });
  });
}

const TIMED_OUT = 'Invalid parameter (request: not received within 2 seconds (headers within 1))';

describe('slow clients', () => {
  it('bodies sent a byte at a time: every connection is answered and closed by the request timeout', async () => {
    const head = 'POST /restserver.php HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\n';
    const all = await Promise.all(Array.from({ length: 30 }, () => dribble(head, 'method=users.getInfo&', 200)));
    for (const { answer, closedAfterMs } of all) {
      expect(closedAfterMs).toBeLessThan(LIMITS.requestTimeoutSeconds * 1000 + 2000);
      expect(answer).toContain(`<error_msg>${TIMED_OUT}</error_msg>`);
    }
  });

  it('headers sent a line at a time: closed by the headers timeout', async () => {
    const { answer, closedAfterMs } = await dribble('GET /login.php HTTP/1.1\r\n', 'X-A: b\r\n', 150);
    expect(closedAfterMs).toBeLessThan(LIMITS.headersTimeoutSeconds * 1000 + 1500);
    expect(answer).toContain('<error_code>100</error_code>');
  });

  it('one address holding too many connections: the next one is answered with error 2 and closed', async () => {
    const { port } = new URL(server.url);
    const held = await Promise.all(
      Array.from({ length: LIMITS.maxConnectionsPerAddress }, () => new Promise<net.Socket>((resolve) => {
        const socket = net.connect(Number(port), '127.0.0.1', () => resolve(socket));
        socket.on('error', () => undefined);
      })),
    );
    try {
      const refused = await rawHttp(server, httpRequest('GET', '/restserver.php', {}));
      expect(refused?.body).toContain('<error_code>2</error_code>');
      expect(refused?.body).toContain(`more than ${LIMITS.maxConnectionsPerAddress} open connections from your address`);
    } finally {
      for (const socket of held) socket.destroy();
    }
    // Once they are gone, the address is served again.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expectError((await rawHttp(server, httpRequest('GET', '/restserver.php', {})))!, 'xml', 3, 'Unknown method', []);
  });
});

describe('odd HTTP', () => {
  it('an Expect other than 100-continue is ignored, and the call answered as usual', async () => {
    const answer = await rawHttp(server, httpRequest('POST', '/restserver.php', { expect: 'something-else', 'content-type': 'application/x-www-form-urlencoded' }, 'method=x'));
    expect(answer?.status).toBe(200);
    expectError(answer!, 'xml', 3, 'Unknown method', [['method', 'x']]);
  });

  it('a request without Host, over HTTP/1.1 or HTTP/1.0, gets the envelope', async () => {
    for (const version of ['1.1', '1.0']) {
      const answer = await rawHttp(server, `POST /restserver.php?method=x HTTP/${version}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
      expect(answer?.status, version).toBe(200);
      expectError(answer!, 'xml', 3, 'Unknown method', [['method', 'x']]);
    }
  });
});

describe('HTTP methods nobody routes', () => {
  it.each(['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'PROPFIND'])('%s on the API gets the envelope, in the format asked for', async (method) => {
    const xml = await rawHttp(server, httpRequest(method, '/restserver.php?method=users.getInfo', {}));
    expect(xml?.status).toBe(200);
    expectError(xml!, 'xml', 100, `Invalid parameter (request: HTTP method ${method} is not taken here; send GET or POST)`, [['method', 'users.getInfo']]);
    const json = await rawHttp(server, httpRequest(method, '/restserver.php?format=json', {}));
    expect(json?.contentType).toContain('application/json');
  });

  it('on a page, or at no page at all, a person gets an HTML page', async () => {
    const wrongMethod = await rawHttp(server, httpRequest('DELETE', '/login.php', {}));
    expect(wrongMethod?.status).toBe(405);
    expect(wrongMethod?.contentType).toBe('text/html; charset=utf-8');
    expect(wrongMethod?.body).toContain('This page does not take DELETE requests.');
    const nowhere = await rawHttp(server, httpRequest('GET', '/no-such-page', {}));
    expect(nowhere?.status).toBe(404);
    expect(nowhere?.body).toContain('Hearth has no page at this address.');
  });
});

describe('pipelined requests', () => {
  it('a malformed request after good ones is answered after them, in order', async () => {
    const { port } = new URL(server.url);
    const raw = await new Promise<string>((resolve) => {
      const socket = net.connect(Number(port), '127.0.0.1', () =>
        socket.write('GET /healthz HTTP/1.1\r\nHost: h\r\n\r\nGET /login.php HTTP/1.1\r\nHost: h\r\n\r\nGARBAGE\r\n\r\n'),
      );
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
      socket.on('close', () => resolve(answer));
      socket.on('error', () => undefined);
    });
    expect([...raw.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((match) => match[1])).toEqual(['200', '400', '200']);
    expect(raw.indexOf('ok\n')).toBeLessThan(raw.indexOf('<!DOCTYPE html>'));
    expect(raw.indexOf('<!DOCTYPE html>')).toBeLessThan(raw.indexOf('<error_response'));
  });
});

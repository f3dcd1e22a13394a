/**
 * The proxy's one request to an app server, against small servers of the test's own: what comes
 * back for each way an app can answer or fail, that nothing is sent to an address the operator did
 * not allow, and that connections are kept for the next page.
 */
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { parseNetworks } from '../../src/features/canvas/callback-address.js';
import { fetchFromApp, type FetchLimits } from '../../src/features/canvas/callback-fetch.js';

const LOOPBACK: FetchLimits = { timeoutMs: 2_000, maxBytes: 64 * 1024, privateNetworks: parseNetworks('127.0.0.0/8') };
const POST = { method: 'POST' as const, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'fb_sig_in_canvas=1' };

const servers: Array<Server | TcpServer> = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    if ('closeAllConnections' in server) server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
});

async function listen<T extends Server | TcpServer>(server: T): Promise<URL> {
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return new URL(`http://127.0.0.1:${address.port}/fb/`);
}

function app(handler: (request: IncomingMessage, response: ServerResponse, body: string) => void): Promise<URL> {
  return listen(
    createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => handler(request, response, body));
    }),
  );
}

describe('fetchFromApp', () => {
  it('posts the body to the path and hands back status, headers and the whole answer', async () => {
    const seen: string[] = [];
    const url = await app((request, response, body) => {
      seen.push(`${request.method} ${request.url} ${request.headers['content-length']} ${body}`);
      response.writeHead(200, { 'content-type': 'text/html', 'set-cookie': 'a=1; Path=/' });
      response.end('<p>page</p>');
    });
    const outcome = await fetchFromApp(new URL('step.php?x=1', url), POST, LOOPBACK);
    expect(seen).toEqual(['POST /fb/step.php?x=1 18 fb_sig_in_canvas=1']);
    expect(outcome).toMatchObject({ kind: 'answer', status: 200, headers: { 'content-type': 'text/html', 'set-cookie': ['a=1; Path=/'] } });
    expect(outcome.kind === 'answer' && outcome.body.toString()).toBe('<p>page</p>');
  });

  it('gives every cookie of an answer that sets several', async () => {
    const url = await app((_request, response) => {
      response.setHeader('set-cookie', ['a=1', 'b=2']);
      response.end('x');
    });
    expect(await fetchFromApp(url, POST, LOOPBACK)).toMatchObject({ kind: 'answer', headers: { 'set-cookie': ['a=1', 'b=2'] } });
  });

  it('keeps connections for the next requests', async () => {
    let connections = 0;
    const url = await app((_request, response) => response.end('x'));
    (servers[0] as Server).on('connection', () => connections++);
    for (let i = 0; i < 20; i++) expect((await fetchFromApp(url, POST, LOOPBACK)).kind).toBe('answer');
    // The pool may open a second one while the first is being freed; it does not open one per request.
    expect(connections).toBeLessThanOrEqual(2);
  });

  it('stops reading an answer larger than the limit', async () => {
    const url = await app((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('x'.repeat(200 * 1024));
    });
    expect(await fetchFromApp(url, POST, LOOPBACK)).toEqual({ kind: 'too-large' });
  });

  it('gives up at the deadline when the app never answers, or stops halfway', async () => {
    const silent = await app(() => undefined);
    const started = Date.now();
    expect(await fetchFromApp(silent, POST, { ...LOOPBACK, timeoutMs: 300 })).toEqual({ kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2_000);
    const halfway = await app((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html', 'content-length': '100' });
      response.write('only part');
    });
    expect(await fetchFromApp(halfway, POST, { ...LOOPBACK, timeoutMs: 300 })).toEqual({ kind: 'timeout' });
  });

  it('says why when nobody listens, the connection is dropped, or the answer is not HTTP', async () => {
    const closed = await app(() => undefined);
    await new Promise((done) => servers.pop()!.close(done));
    expect(await fetchFromApp(closed, POST, LOOPBACK)).toEqual({ kind: 'unreachable', reason: 'ECONNREFUSED' });

    const dropping = await listen(createTcpServer((socket: Socket) => socket.once('data', () => socket.destroy())));
    const dropped = await fetchFromApp(dropping, POST, LOOPBACK);
    expect(dropped.kind).toBe('unreachable');

    const garbage = await listen(createTcpServer((socket: Socket) => socket.once('data', () => socket.end('SMTP ready\r\n\r\n'))));
    const outcome = await fetchFromApp(garbage, POST, LOOPBACK);
    expect(outcome.kind).toBe('unreachable');
    expect(outcome.kind === 'unreachable' && outcome.reason).not.toBe('');
  });

  it('never connects to an address outside the allowed networks', async () => {
    let connections = 0;
    const url = await app((_request, response) => response.end('x'));
    (servers[0] as Server).on('connection', () => connections++);
    expect(await fetchFromApp(url, POST, { ...LOOPBACK, privateNetworks: [] })).toEqual({ kind: 'forbidden-address', address: '127.0.0.1' });
    expect(await fetchFromApp(url, POST, { ...LOOPBACK, privateNetworks: parseNetworks('10.0.0.0/8') })).toEqual({ kind: 'forbidden-address', address: '127.0.0.1' });
    expect(connections).toBe(0);
  });
});

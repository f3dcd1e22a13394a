/** `/restserver.php`: the one endpoint of the REST API, over GET and POST. */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiPipeline, CallOutcome } from '../dispatch/api-pipeline.js';
import { ApiError, invalidParameter } from '../wire/errors.js';
import { decodeForm } from '../wire/form-decoding.js';
import { writeError, type WireResponse } from '../wire/serialize/response-writer.js';
import type { ConnectionLimits } from './connection-limits.js';
import type { ParsedBody } from './request-bodies.js';
import { generatedUrlOrigin } from './platform-hosts.js';

export const API_PATH = '/restserver.php';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the API route for the request log line. */
    apiOutcome?: CallOutcome;
  }
}

function queryPairs(request: FastifyRequest): { pairs: Array<[string, string]>; error?: ApiError } {
  const url = request.raw.url ?? '';
  const mark = url.indexOf('?');
  if (mark === -1) return { pairs: [] };
  try {
    // Node hands the request line over as latin1 text: one character per byte, as decodeForm expects.
    return { pairs: decodeForm(url.slice(mark + 1)) };
  } catch (error) {
    if (error instanceof ApiError) return { pairs: [], error };
    throw error;
  }
}

/**
 * Answers a call that never reached the route: a body Fastify refused before any parser ran (too
 * large, bad length), or an HTTP method the API does not take. The query still says the format.
 */
export async function answerUnreadableRequest(pipeline: ApiPipeline, request: FastifyRequest, problem: ApiError) {
  const query = queryPairs(request);
  return pipeline.handle({
    query: query.pairs,
    body: [],
    bodyError: query.error ?? problem,
    clientAddress: request.ip,
    secure: request.protocol === 'https',
    origin: generatedUrlOrigin(request),
    requestId: request.id,
  });
}

export function registerApiRoute(app: FastifyInstance, pipeline: ApiPipeline): void {
  app.route({
    method: ['GET', 'POST'],
    url: API_PATH,
    handler: async (request, reply) => {
      const query = queryPairs(request);
      const body = (request.body as ParsedBody | undefined) ?? { pairs: [] };
      const { response, outcome } = await pipeline.handle({
        query: query.pairs,
        body: body.pairs,
        bodyError: query.error ?? body.error,
        upload: body.upload,
        clientAddress: request.ip,
        secure: request.protocol === 'https',
        origin: generatedUrlOrigin(request),
        requestId: request.id,
      });
      request.apiOutcome = outcome;
      return sendApiResponse(reply, response);
    },
  });
}

/** Always 200: the PHP client's fopen() transport and pyfacebook's urlopen read error bodies only on 2xx. */
export function sendApiResponse(reply: FastifyReply, response: WireResponse) {
  return reply.code(200).header('content-type', response.contentType).header('x-content-type-options', 'nosniff').send(response.body);
}

/**
 * Requests Node's HTTP parser refuses before any route runs (a request line or headers over
 * 16 KiB, a body shorter than its Content-Length, raw bytes in the URL). Which path was asked for
 * is unknown, and the API is what machines call, so they get an API error envelope in XML.
 */
/** Turns to wait for pipelined answers ahead of a malformed request (each answer takes one or two). */
const MAX_WAITS = 1000;

export function answerMalformedHttp(error: Error & { code?: string }, socket: Socket, limits: ConnectionLimits, waited = 0): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  // Pipelined requests read in full before the broken one are still being answered: this answer
  // goes after theirs, or it would be taken for the answer to one of them. (A request whose own body
  // is what broke is not complete, and is answered now.) An answer just finished is handed over to
  // the next one in the following turn.
  const inFlight = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage;
  if (inFlight && inFlight.req.complete && waited < MAX_WAITS) {
    const again = () => setImmediate(() => answerMalformedHttp(error, socket, limits, waited + 1));
    if (inFlight.writableFinished) again();
    else inFlight.once('finish', again);
    return;
  }
  const problem =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? invalidParameter('request', 'request line and headers larger than 16 KiB')
      : error.code === 'HPE_INVALID_EOF_STATE'
        ? invalidParameter('request body', 'shorter than its Content-Length')
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? invalidParameter('request', `not received within ${limits.requestTimeoutSeconds} seconds (headers within ${limits.headersTimeoutSeconds})`)
          : invalidParameter('request', 'malformed HTTP request');
  const { contentType, body } = writeError({ format: 'xml', callback: undefined }, problem, []);
  const bytes = Buffer.from(body, 'utf8');
  socket.end(
    `HTTP/1.1 200 OK\r\nContent-Type: ${contentType}\r\nX-Content-Type-Options: nosniff\r\nContent-Length: ${bytes.length}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * Node answers an `Expect` other than `100-continue` with a bare 417. The expectation is ignored
 * instead (HTTP allows either), so the request gets its usual answer — for the API, its envelope.
 */
export function answerUnknownExpectations(server: Server): void {
  server.on('checkExpectation', (request: IncomingMessage, response: ServerResponse) => {
    server.emit('request', request, response);
  });
}

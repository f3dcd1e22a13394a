/** `/restserver.php`: the one endpoint of the REST API, over GET and POST. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ApiPipeline, CallOutcome } from '../protocol/api-pipeline.js';
import { ApiError, invalidParameter } from '../protocol/errors.js';
import { decodeForm } from '../protocol/form-decoding.js';
import type { ParsedBody } from './request-bodies.js';

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

/** Answers a call whose body Fastify refused before any parser ran (too large, bad length). */
export async function answerUnreadableBody(pipeline: ApiPipeline, request: FastifyRequest, reason: string) {
  const query = queryPairs(request);
  return pipeline.handle({
    query: query.pairs,
    body: [],
    bodyError: query.error ?? invalidParameter('request body', reason),
    clientAddress: request.ip,
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
        clientAddress: request.ip,
        requestId: request.id,
      });
      request.apiOutcome = outcome;
      // Always 200: the PHP client's fopen() transport and pyfacebook's urlopen read error bodies only on 2xx.
      return reply.code(200).header('content-type', response.contentType).header('x-content-type-options', 'nosniff').send(response.body);
    },
  });
}

/**
 * Probes for load balancers: `/healthz` answers while the process runs; `/readyz` answers 200 only
 * while the store can be reached, so a balancer can stop sending calls that would get error 2.
 */
import type { FastifyInstance } from 'fastify';
import type { Store } from '../features/feature.js';

export function registerHealthRoutes(app: FastifyInstance, store: Store): void {
  app.get('/healthz', async (_request, reply) => reply.header('cache-control', 'no-store').type('text/plain; charset=utf-8').send('ok\n'));
  app.get('/readyz', async (request, reply) => {
    reply.header('cache-control', 'no-store').type('text/plain; charset=utf-8');
    try {
      await store.ping();
      return reply.send('ready\n');
    } catch (error) {
      request.log.warn({ err: error }, 'store unreachable');
      return reply.code(503).send('store unreachable\n');
    }
  });
}

/**
 * Redis for tests, at HEARTH_TEST_REDIS (default the local server). Where nothing answers the Redis
 * cases skip with a clear message — except in CI, where they must run.
 */
import { createConnection } from 'node:net';

export const REDIS_URL = process.env.HEARTH_TEST_REDIS ?? 'redis://127.0.0.1:6379';

function answers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port || 6379), timeout: 1_000 });
    socket.once('connect', () => {
      socket.end('PING\r\n');
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

export const hasRedis = process.env.CI ? true : await answers(REDIS_URL);
if (!hasRedis) console.warn(`Redis cases skipped: nothing answers at ${REDIS_URL} (set HEARTH_TEST_REDIS)`);

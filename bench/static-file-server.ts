/**
 * The comparison for serving photos (bench/photos.ts): a static file server as one is usually
 * written on node:http — the file streamed from disk on every request (the OS keeps it in its
 * cache), with its type, length, an ETag from its size and time, and the cache header Hearth
 * sends. Serves BENCH_FILE at /<its name>; tells the parent its URL over IPC.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename } from 'node:path';
import { memoryReport } from './child-ipc.js';

const file = process.env.BENCH_FILE;
if (!file || !process.send) throw new Error('static-file-server is started by bench/photos.ts with BENCH_FILE and an IPC channel');
const path = `/${basename(file)}`;

const server = createServer((request, response) => {
  if (request.url !== path) {
    response.writeHead(404).end();
    return;
  }
  const info = statSync(file);
  const etag = `"${info.size.toString(16)}-${info.mtimeMs.toString(16)}"`;
  if (request.headers['if-none-match'] === etag) {
    response.writeHead(304).end();
    return;
  }
  response.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': info.size, etag, 'cache-control': 'public, max-age=31536000, immutable' });
  createReadStream(file).pipe(response);
});

server.listen(0, '127.0.0.1', () => {
  process.send!({ type: 'ready', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
});
process.on('message', (message: { type?: string }) => {
  if (message.type === 'memory') process.send!(memoryReport());
  if (message.type === 'stop') server.close(() => process.exit(0));
});

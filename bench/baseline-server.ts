/**
 * The ceiling: a bare `node:http` server that reads the request body and answers a fixed XML body
 * of BENCH_BODY_BYTES bytes, with the content type Hearth uses. Same IPC protocol as server-child.
 * With BENCH_CANVAS_APP=1 it is the canvas benchmark's app server instead: the same 2 KB FBML
 * page, as text/html, to every request (bench/canvas.ts).
 */
import { createServer } from 'node:http';
import { canvasPageFbml } from './canvas-page-fbml.js';
import { memoryReport } from './child-ipc.js';

function fixedBody(bytes: number): Buffer {
  const head = '<?xml version="1.0" encoding="UTF-8"?>\n<users_isAppUser_response xmlns="http://api.facebook.com/1.0/">1</users_isAppUser_response>';
  return Buffer.from(head.length >= bytes ? head : head + ' '.repeat(bytes - head.length));
}

const canvasApp = process.env.BENCH_CANVAS_APP === '1';
const body = canvasApp ? Buffer.from(canvasPageFbml()) : fixedBody(Number(process.env.BENCH_BODY_BYTES ?? 200));
const contentType = canvasApp ? 'text/html; charset=utf-8' : 'text/xml; charset=utf-8';
const server = createServer((request, response) => {
  request.on('data', () => undefined);
  request.on('end', () => {
    response.writeHead(200, { 'content-type': contentType, 'content-length': body.length });
    response.end(body);
  });
});
server.keepAliveTimeout = 72_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.on('message', (message: { type?: string }) => {
    if (message.type === 'memory') process.send!(memoryReport());
    if (message.type === 'stop') {
      server.close(() => process.exit(0));
      server.closeAllConnections();
    }
  });
  process.send!({ type: 'ready', url: `http://127.0.0.1:${port}` });
});

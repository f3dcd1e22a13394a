/**
 * The app server of the canvas benchmark: a bare `node:http` server that reads the request body
 * and answers the same 2 KB FBML page to every request, as a small canvas app would. Same IPC
 * protocol as server-child.
 */
import { createServer } from 'node:http';
import { memoryReport } from './child-ipc.js';
import { canvasPageFbml } from './canvas-page-fbml.js';

const body = Buffer.from(canvasPageFbml());
const server = createServer((request, response) => {
  request.on('data', () => undefined);
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
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

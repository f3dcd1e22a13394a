/**
 * What the canvas suites share: an app server of the test's own, whose answer each test scripts
 * and which records what reached it, and a canvas app registered on a test server with the
 * loopback network allowed (the operator's setting that lets Hearth fetch from 127.0.0.1).
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import type { App } from '../../src/features/apps/records.js';
import type { CanvasMode } from '../../src/features/canvas/records.js';
import type { TestServer } from '../support/test-server.js';
import type { Browserless } from '../support/browserless.js';
import { signedInBrowser } from '../pages/page-kit.js';

export interface ReceivedRequest {
  readonly method: string;
  /** Path and query as received. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** The body's fields in order (a form post, as the proxy sends them). */
  readonly fields: Array<[string, string]>;
}

export type Answer = (request: ReceivedRequest, response: ServerResponse) => void;

export interface ScriptedAppServer {
  /** `http://HOST:PORT` */
  readonly origin: string;
  readonly received: ReceivedRequest[];
  /** How the server answers from now on (default: a small FBML page naming the path). */
  answer: Answer;
  close(): Promise<void>;
}

const DEFAULT_ANSWER: Answer = (request, response) => {
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<p>The app at ${request.url.split('?')[0]}</p>`);
};

export async function startScriptedAppServer(host = '127.0.0.1'): Promise<ScriptedAppServer> {
  const received: ReceivedRequest[] = [];
  const state = { answer: DEFAULT_ANSWER };
  const server: Server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const recorded = { method: request.method ?? '', url: request.url ?? '', headers: request.headers, body, fields: [...new URLSearchParams(body)] };
      received.push(recorded);
      state.answer(recorded, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://${host}:${port}`,
    received,
    get answer() {
      return state.answer;
    },
    set answer(answer: Answer) {
      state.answer = answer;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let apps = 0;

/** A web app with canvas pages on `callbackUrl`, and the loopback network allowed for app servers. */
export async function canvasApp(server: TestServer, callbackUrl: string, mode: CanvasMode = 'fbml', canvasName = `canvas${++apps}${Date.now() % 100000}`): Promise<App> {
  await server.services.canvas.changeSettings({ privateNetworks: '127.0.0.0/8,::1' });
  const app = await server.services.apps.register({ name: 'Hearth Demo', type: 'web', callbackUrl });
  return server.services.canvas.configure(app, { canvasName, mode });
}

/** The PHP client's validate_fb_params on one set: the `fb_sig_` names, prefix dropped, sorted, + secret, md5. */
export function phpValidatesFbSig(params: Readonly<Record<string, string>>, secret: string): boolean {
  const base = Object.keys(params)
    .filter((name) => name.startsWith('fb_sig_'))
    .sort()
    .map((name) => `${name.slice('fb_sig_'.length)}=${params[name]}`)
    .join('');
  return params.fb_sig !== undefined && createHash('md5').update(base + secret).digest('hex') === params.fb_sig;
}

let developers = 0;

/** A browser signed in as a developer of `app`: only they read why a canvas page failed. */
export async function developerBrowser(server: TestServer, app: App): Promise<Browserless> {
  const person = await server.createPerson(`Dev Eloper${++developers}`);
  await server.services.developers.addDeveloper(app.appId, String(person.uid));
  return signedInBrowser(server, person);
}

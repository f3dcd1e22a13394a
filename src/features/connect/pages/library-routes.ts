/**
 * The Connect library's files, at the paths every Connect site hard-codes
 * (`http://static.ak.connect.facebook.com/js/api_lib/v0.4/FeatureLoader.js.php` and the receiver's
 * `XdCommReceiver.js`), with any query suffix (`?2`). They are plain JavaScript kept in
 * `../library/`, read once when the server starts. The loader begins with where Hearth's pages and
 * API are as seen from the host it was asked by: under the platform's static host names, the
 * platform's page and API names; under any other name, that name.
 *
 * Both are sub-resources of other sites' pages, so their routes let script requests through, and
 * they may be cached for an hour (sites cannot version the URL); the ETag makes revalidation cheap.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PAGES_HOST, platformHostRole } from '../../../http/platform-hosts.js';

export const FEATURE_LOADER_PATH = '/js/api_lib/v0.4/FeatureLoader.js.php';
export const RECEIVER_SCRIPT_PATHS = ['/js/api_lib/v0.4/XdCommReceiver.js', '/js/api_lib/v0.4/XdCommReceiver.debug.js'] as const;

/** The platform's API host, which the static hosts' loader calls. */
const API_HOST = 'api.facebook.com';

/**
 * The library folder beside this file when run from the sources (tests), or the sources' folder
 * when run from dist/ (tsc does not copy .js files there).
 */
function libraryFolder(): string {
  const candidates = [new URL('../library/', import.meta.url), new URL('../../../../../src/features/connect/library/', import.meta.url)];
  const found = candidates.map((url) => fileURLToPath(url)).find((path) => existsSync(`${path}connect.js`));
  if (!found) throw new Error(`the Connect library files are missing (looked in ${candidates.map((url) => fileURLToPath(url)).join(', ')})`);
  return found;
}

export interface ConnectOrigins {
  /** Where login.php, login_status.php and logout.php are. */
  readonly pages: string;
  /** Where restserver.php is. */
  readonly api: string;
}

export function originsFor(request: { readonly protocol: string; readonly host: string }): ConnectOrigins {
  const own = `${request.protocol}://${request.host}`;
  if (platformHostRole(request.host) !== 'static') return { pages: own, api: own };
  const port = /:(\d+)$/.exec(request.host)?.[1];
  const at = (host: string) => `${request.protocol}://${host}${port ? `:${port}` : ''}`;
  return { pages: at(PAGES_HOST), api: at(API_HOST) };
}

/** JSON that is safe inside a script: no `</script>`, no line separators. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function sendScript(request: FastifyRequest, reply: FastifyReply, body: string): FastifyReply {
  const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 20)}"`;
  reply
    .header('content-type', 'text/javascript; charset=utf-8')
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'public, max-age=3600')
    .header('etag', etag);
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  return reply.send(body);
}

export function connectLibraryRoutes(server: FastifyInstance): void {
  const folder = libraryFolder();
  const read = (name: string) => readFileSync(`${folder}${name}`, 'utf8');
  const library = `${read('md5.js')}\n${read('connect.js')}`;
  const receiver = read('xd-receiver.js');

  // Other sites' pages load these as scripts: the pages' guard lets such requests through here.
  server.get(FEATURE_LOADER_PATH, { config: { subresource: true } }, async (request, reply) =>
    sendScript(request, reply, `var HEARTH_ORIGINS = ${scriptJson(originsFor(request))};\n${library}`),
  );
  for (const path of RECEIVER_SCRIPT_PATHS) {
    server.get(path, { config: { subresource: true } }, async (request, reply) => sendScript(request, reply, receiver));
  }
}

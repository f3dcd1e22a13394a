/**
 * The canvas pages, `/apps/NAME/…` and `/NAME/…` (docs/canvas.md). `/NAME/…` answers only for a
 * name that is an app's canvas name: every other path goes on to the usual "no such page", so the
 * route costs Hearth's own pages nothing (their fixed paths are matched first).
 *
 * A POST from another site is refused before this runs (the pages' scope): otherwise any site
 * could make a signed-in person's browser post to an app in their name, signed by Hearth.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { definePage, type PageContext, type PageRoutes } from '../../../http/page-kit/define-page.js';
import { PAGE_HEADERS, redirectTo, sendPage, sendProblem, withPageHeaders } from '../../../http/page-kit/page-replies.js';
import { readCookie, setCookie } from '../../../http/page-kit/page-cookies.js';
import type { ParsedBody } from '../../../http/request-bodies.js';
import type { App } from '../../apps/records.js';
import type { Services } from '../../feature.js';
import type { Person } from '../../people/records.js';
import { signedInPerson } from '../../sign-in/pages/browser-sign-in.js';
import { newHexSecret } from '../../sessions/session-service.js';
import { CANVAS_ROOT } from '../canvas-names.js';
import { browserTarget, type CanvasPlace } from '../canvas-links.js';
import { PROXY_MARK_HEADER, proxyCanvasRequest, type ProxyOutcome } from '../canvas-proxy.js';
import { renderCanvas } from '../canvas-render.js';
import { appUrlFor, FORCE_MODE_PARAMETER, forwardedQuery, isPlatformParameter, parseCallbackUrl } from '../canvas-target.js';
import { canvasViewer } from '../canvas-viewer.js';
import type { CanvasAppSettings } from '../canvas-service.js';
import { canvasFbSig, fbSigTimeNow, iframeSrc } from '../fb-sig-params.js';
import type { CanvasMode, CanvasViewer, JarCookie, JarOwner } from '../records.js';
import { failurePage, fbmlCanvasPage, iframeCanvasPage, type CanvasFrame, type SetupProblem } from './canvas-views.js';
import type { CanvasFailure } from '../canvas-proxy.js';
import { appNotAvailable } from '../../developers/pages/app-unavailable.js';

/** A visitor's cookie jar is tied to this browser cookie (set when an app first sets a cookie). */
const VISITOR_JAR_COOKIE = 'hearth_canvas';
const VISITOR_JAR_MAX_AGE = 365 * 86_400;

/** Rendered FBML may carry style attributes (the renderer filters them); scripts and `<style>` stay blocked. */
const FBML_HEADERS = {
  'content-security-policy': PAGE_HEADERS['content-security-policy']!.replace("style-src 'self';", "style-src 'self'; style-src-attr 'unsafe-inline';"),
};

/** An answer shown as the app sent it: in a sandbox of its own, so nothing in it runs as Hearth. */
const RAW_HEADERS = { 'content-security-policy': "sandbox; default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'", 'x-content-type-options': 'nosniff' };

interface CanvasRequest {
  readonly page: PageContext;
  readonly services: Services;
  readonly app: App;
  /** `/apps/NAME/` or `/NAME/`, as the browser asked. */
  readonly canvasBase: string;
  /** The path after the base and the query, as the browser sent them. */
  readonly rest: string;
  readonly query: string;
}

/** Once the app's settings are read. */
interface SettledCanvasRequest extends CanvasRequest {
  readonly settings: CanvasAppSettings;
}

/** Splits `/apps/NAME/rest?query` (or `/NAME/rest?query`) at the base, keeping the bytes the browser sent. */
function splitCanvasUrl(rawUrl: string, underRoot: boolean): { segment: string; hasSlash: boolean; rest: string; query: string } {
  const mark = rawUrl.indexOf('?');
  const path = mark === -1 ? rawUrl : rawUrl.slice(0, mark);
  const query = mark === -1 ? '' : rawUrl.slice(mark + 1);
  const start = underRoot ? CANVAS_ROOT.length + 2 : 1;
  const slash = path.indexOf('/', start);
  const raw = slash === -1 ? path.slice(start) : path.slice(start, slash);
  let segment: string;
  try {
    segment = decodeURIComponent(raw);
  } catch {
    segment = raw;
  }
  return { segment, hasSlash: slash !== -1, rest: slash === -1 ? '' : path.slice(slash + 1), query };
}

function canvasRoutes(underRoot: boolean): PageRoutes[] {
  const prefix = underRoot ? `/${CANVAS_ROOT}` : '';
  const handler = (page: PageContext) => serve(page, underRoot);
  return [definePage({ path: `${prefix}/:canvasName`, forms: 'page', handler }), definePage({ path: `${prefix}/:canvasName/*`, forms: 'page', handler })];
}

export const canvasPages: readonly PageRoutes[] = [...canvasRoutes(true), ...canvasRoutes(false)];

async function serve(page: PageContext, underRoot: boolean): Promise<FastifyReply> {
  const { request, reply } = page;
  const { services } = page;
  const { segment, hasSlash, rest, query } = splitCanvasUrl(request.raw.url ?? request.url, underRoot);
  const app = await services.canvas.appNamed(segment);
  if (!app) {
    if (!underRoot) return reply.callNotFound() as unknown as FastifyReply;
    return sendProblem(reply, { status: 404, title: 'No such application', message: 'No application has its canvas pages at this address.' });
  }
  const canvasBase = `${underRoot ? `/${CANVAS_ROOT}` : ''}/${encodeURIComponent(segment)}/`;
  // `/apps/NAME` → `/apps/NAME/`, keeping the query: relative links on the page resolve under the name.
  if (!hasSlash) return withPageHeaders(reply).code(301).header('location', `${canvasBase}${query === '' ? '' : `?${query}`}`).send();
  return serveCanvas({ page, services, app, canvasBase, rest, query });
}

async function serveCanvas(canvas: CanvasRequest): Promise<FastifyReply> {
  const { page, services, app } = canvas;
  const { request, reply } = page;
  const viewer = await signedInPerson(request, services);
  // Sandbox mode: only the developers see its pages; a visitor may be one who has not signed in yet.
  if ((await services.appAccess.mayUse(app, viewer?.uid)) === 'sandbox') return sendProblem(reply, appNotAvailable(app, 'sandbox', viewer ? undefined : canvasSignIn(canvas)));
  const frame: CanvasFrame = { app, canvasBase: canvas.canvasBase, viewer };
  const callback = app.callbackUrl === null ? undefined : parseCallbackUrl(app.callbackUrl);
  if (!callback || app.callbackUrl === null) return fail(reply, frame, 'no-callback', services);
  // Hearth asking itself for the page: the mark is on every request the proxy sends.
  if (request.headers[PROXY_MARK_HEADER] !== undefined || callback.host === request.host.toLowerCase()) return fail(reply, frame, 'points-at-hearth', services);
  const settings = await services.canvas.appSettings(app);
  const forced = page.params.get(FORCE_MODE_PARAMETER);
  const mode: CanvasMode = forced === 'fbml' || forced === 'iframe' ? forced : settings.mode;
  const target = appUrlFor(callback, app.callbackUrl, canvas.rest, forwardedQuery(canvas.query));
  if (!target) return fail(reply, frame, { reason: 'outside-callback', url: `${app.callbackUrl}${canvas.rest}` }, services);
  const state = await canvasViewer(services, app, viewer, mode);
  const place: CanvasPlace = { origin: `${request.protocol}://${request.host}`, canvasBase: canvas.canvasBase, pageUrl: `${request.protocol}://${request.host}${request.raw.url ?? request.url}`, callback };

  if (mode === 'iframe') {
    const signed = canvasFbSig({ mode, requestMethod: 'GET', viewer: state, app, time: fbSigTimeNow(), baseDomain: settings.baseDomain });
    return sendPage(reply, 200, iframeCanvasPage(frame, iframeSrc(target, signed)), { 'content-security-policy': `${PAGE_HEADERS['content-security-policy']}; frame-src ${callback.origin}` });
  }

  const body = request.method === 'POST' ? ((request.body as ParsedBody | undefined) ?? { pairs: [] }) : undefined;
  if (body?.upload) request.log.info({ app: app.appId }, 'canvas form file part dropped: files are not forwarded to apps');
  const jar = jarAccess(request, reply, services, app, viewer);
  const outcome = await proxyCanvasRequest(
    {
      url: target,
      callback,
      method: request.method === 'POST' ? 'POST' : 'GET',
      fields: (body?.pairs ?? []).filter(([name]) => !isPlatformParameter(name)),
      viewer: state,
      app,
      baseDomain: settings.baseDomain,
      clientAddress: request.ip,
      time: fbSigTimeNow,
      limits: await services.canvas.fetchLimits(),
    },
    jar,
  );
  return answer({ ...canvas, settings }, frame, place, state, outcome);
}

async function answer(canvas: SettledCanvasRequest, frame: CanvasFrame, place: CanvasPlace, state: CanvasViewer, outcome: ProxyOutcome): Promise<FastifyReply> {
  const { page, services, app } = canvas;
  const { request, reply } = page;
  switch (outcome.kind) {
    case 'failed':
      request.log.info({ app: app.appId, failure: outcome.failure }, 'canvas page not shown');
      return fail(reply, frame, outcome.failure, services);
    case 'raw':
      return reply.headers({ ...PAGE_HEADERS, ...RAW_HEADERS }).code(200).type(outcome.contentType).send(outcome.body);
    case 'browser-redirect': {
      const location = browserTarget(outcome.location, place);
      return location ? redirectTo(reply, 302, location) : fail(reply, frame, { reason: 'bad-redirect', url: outcome.location, location: outcome.location }, services);
    }
    case 'fbml': {
      const signedFor = (personal: boolean) =>
        Object.fromEntries(canvasFbSig({ mode: 'iframe', requestMethod: 'GET', viewer: state, app, time: fbSigTimeNow(), baseDomain: canvas.settings.baseDomain, personal }));
      const rendered = await renderCanvas(
        {
          fbml: outcome.fbml,
          app,
          iconUrl: canvas.settings.iconUrl,
          canvasBase: canvas.canvasBase,
          pagePath: `${canvas.rest}${canvas.query === '' ? '' : `?${forwardedQuery(canvas.query)}`}`,
          callbackUrl: app.callbackUrl ?? '',
          viewerUid: state.kind === 'visitor' ? undefined : state.uid,
          viewerAuthorized: state.kind === 'app-user',
          platformHost: request.hostname,
          iframeParameters: (_src, personal) => signedFor(personal),
        },
        services,
      );
      if (rendered.kind === 'redirect') {
        const location = browserTarget(rendered.url, place);
        return location ? redirectTo(reply, 302, location) : fail(reply, frame, { reason: 'bad-redirect', url: outcome.url, location: rendered.url }, services);
      }
      if (rendered.problems.length > 0) request.log.debug({ app: app.appId, problems: rendered.problems }, 'canvas FBML rendered with problems');
      return sendPage(reply, 200, fbmlCanvasPage(frame, rendered.html, rendered.title), FBML_HEADERS);
    }
  }
}

/** login.php with `canvas`, back to this canvas page once signed in. */
function canvasSignIn({ app, rest, query }: CanvasRequest): string {
  const next = `${rest}${query === '' ? '' : `?${query}`}`;
  return `/login.php?${new URLSearchParams({ api_key: app.apiKey, v: '1.0', canvas: '1', ...(next === '' ? {} : { next }) }).toString()}`;
}

/** A timeout is a gateway timeout; every other failure of the app's is a bad gateway; a setup problem too. */
async function fail(reply: FastifyReply, frame: CanvasFrame, problem: CanvasFailure | SetupProblem, services: Services): Promise<FastifyReply> {
  const status = typeof problem === 'string' ? (problem === 'points-at-hearth' ? 508 : 502) : problem.reason === 'timeout' ? 504 : 502;
  // The reason names the app's addresses and what its server answered: only its developers read it.
  const forDeveloper = frame.viewer !== undefined && (await services.developers.isDeveloper(frame.app.appId, frame.viewer.uid));
  return sendPage(reply, status, failurePage(frame, problem, forDeveloper));
}

function visitorJar(request: FastifyRequest): JarOwner | undefined {
  const browserId = readCookie(request, VISITOR_JAR_COOKIE);
  return browserId && /^[0-9a-f]{32}$/.test(browserId) ? { browserId } : undefined;
}

/** The viewer's jar with the app: the person's, or this browser's (its cookie made only when first needed). */
function jarAccess(request: FastifyRequest, reply: FastifyReply, services: Services, app: App, viewer: Person | undefined) {
  let owner: JarOwner | undefined = viewer ? { uid: viewer.uid } : visitorJar(request);
  return {
    list: async () => (owner ? services.canvas.cookies(owner, app.appId) : []),
    store: async (cookies: readonly JarCookie[]) => {
      if (!owner) {
        owner = { browserId: newHexSecret() };
        setCookie(request, reply, VISITOR_JAR_COOKIE, owner.browserId, VISITOR_JAR_MAX_AGE);
      }
      await services.canvas.storeCookies(owner, app.appId, cookies);
    },
  };
}

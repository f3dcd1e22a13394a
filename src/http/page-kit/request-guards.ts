/**
 * Two checks every page request passes before its page runs, both about requests that another
 * site makes a signed-in person's browser send:
 *
 *  - a page loaded as a sub-resource (`Sec-Fetch-Dest: image`, `script`, …) is refused: pages are
 *    documents, and an `<img>` pointing at one must not get to run it as the viewer (the photos'
 *    images and the upload script, which are sub-resources, are let through by their routes' config);
 *  - a POST whose `Origin` names another site is refused, beside the CSRF token every form
 *    carries. Browsers that send no `Origin`, or `null`, are judged by the token alone: our own
 *    pages say `Referrer-Policy: no-referrer`, under which browsers send `Origin: null` with their
 *    forms.
 *
 * Both answer with a 403 page.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from './page-replies.js';

/** Request destinations of sub-resources (Fetch standard); documents, frames, styles and fetches are not among them. */
const SUBRESOURCE_DESTINATIONS = new Set([
  'audio',
  'audioworklet',
  'embed',
  'font',
  'image',
  'manifest',
  'object',
  'paintworklet',
  'report',
  'script',
  'serviceworker',
  'sharedworker',
  'track',
  'video',
  'worker',
  'xslt',
]);

export function refuseCrossSiteRequests(request: FastifyRequest, reply: FastifyReply): FastifyReply | undefined {
  const destination = request.headers['sec-fetch-dest'];
  if (typeof destination === 'string' && SUBRESOURCE_DESTINATIONS.has(destination.toLowerCase()) && !servesSubresources(request)) {
    return sendProblem(reply, { status: 403, title: 'Not a page to embed', message: 'Hearth’s pages open only as pages, not as images or scripts of another page.' });
  }
  if (request.method === 'POST' && !originIsOurs(request)) {
    return sendProblem(reply, {
      status: 403,
      title: 'This form came from another site',
      message: 'Hearth only takes forms sent from its own pages. Go back to Hearth and try again there.',
    });
  }
  return undefined;
}

/** The few routes of this scope that serve our pages' own images and script say so with `config: { subresource: true }`. */
function servesSubresources(request: FastifyRequest): boolean {
  return (request.routeOptions.config as { readonly subresource?: unknown } | undefined)?.subresource === true;
}

/** True when `Origin` is absent, `null`, or names the host this request was sent to. */
function originIsOurs(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined || origin === 'null') return true;
  try {
    return new URL(origin).host.toLowerCase() === request.host.toLowerCase();
  } catch {
    return false;
  }
}

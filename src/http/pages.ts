/**
 * The browser-facing pages of the platform (docs/pages.md): sign-in and authorization, the
 * extended-permission prompt, sign-out, the applications, profile editor and friends pages, a
 * person's profile with the apps' FBML boxes, the Connect success page, and their stylesheet. Pages
 * call services, never the store (docs/architecture.md, "Pages"). They live in their own Fastify
 * scope so that their failures are answered as HTML pages, while the API keeps its own error
 * envelopes.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { PasswordHasherBusyError } from '../features/people/password-hashing.js';
import type { PageRoutes, Services } from '../features/feature.js';
import { StoreUnavailableError } from '../db/store-errors.js';
import { sendProblem } from './page-kit/page-replies.js';
import { refuseCrossSiteRequests } from './page-kit/request-guards.js';
import { registerStylesheet } from './page-kit/stylesheet-route.js';

export interface PageDeps {
  readonly services: Services;
  /** Every feature's pages (platform.ts). */
  readonly routes: readonly PageRoutes[];
}

export async function registerPages(app: FastifyInstance, deps: PageDeps): Promise<void> {
  await app.register(async (pages) => {
    pages.setErrorHandler(async (error: FastifyError, request, reply) => {
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        return sendProblem(reply, { status: 413, title: 'This form is too large', message: 'Hearth could not read this form: it is too large.' });
      }
      if (error instanceof PasswordHasherBusyError) {
        reply.header('retry-after', '5');
        return sendProblem(reply, { status: 503, title: 'Hearth is busy', message: 'Too many people are signing in right now. Try again in a few seconds.' });
      }
      if (error instanceof StoreUnavailableError) {
        request.log.warn({ err: error }, 'store unavailable on a page');
        return sendProblem(reply, { status: 503, title: 'Hearth is busy', message: 'Hearth cannot reach its data right now. Try again in a moment.' });
      }
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
      if (status !== 500) return sendProblem(reply, { status, title: 'This request could not be read', message: 'Check the link and try again.' });
      request.log.error({ err: error }, 'unexpected failure on a page');
      return sendProblem(reply, {
        status: 500,
        title: 'Something went wrong',
        message: `Hearth could not finish this. Try again in a moment; if it keeps happening, tell the operator request ${request.id}.`,
      });
    });
    // Returning the reply (when a guard answered) ends the request there.
    pages.addHook('onRequest', async (request, reply) => refuseCrossSiteRequests(request, reply));
    registerStylesheet(pages);
    for (const routes of deps.routes) routes(pages, deps.services);
  });
}

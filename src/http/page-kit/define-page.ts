/**
 * What `defineMethod` is for API methods, for pages: one declaration per page that says its path
 * and whether it takes forms, and a handler that starts where every page's own logic starts. The
 * kit reads the parameters (a request it cannot read gets the 400 page) and, for a POST, checks the
 * CSRF token (a form without it gets the "form has expired" page), before the handler runs.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { csrfMatches, csrfToken } from './csrf.js';
import { TOP_BAR_MARK, withTopBar, type TopBarSource } from './layout.js';
import { readPageParams, type PageParams } from './page-params.js';
import { formExpired, sendProblem, unreadableRequest } from './page-replies.js';

/**
 * The services pages are given. The kit knows none of them: the features add theirs to this
 * interface (features/feature.ts).
 */
export interface PageServices {
  /** The top bar's links for whoever is signed in (layout.ts), built from every feature's. */
  readonly topBar: TopBarSource;
}

export interface PageContext {
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
  readonly services: PageServices;
  /** Query and form values; for a POST of a `checked` page the CSRF token has been checked. */
  readonly params: PageParams;
  /** The token for the forms of this response (set in a cookie if the browser has none yet). */
  csrfToken(): string;
  /** Whether a POST carries the browser's CSRF token, for `page` pages that check it themselves. */
  csrfMatches(): boolean;
}

export interface PageDefinition {
  readonly path: string;
  /**
   * `none`: GET only. `checked`: GET and form POSTs; a POST without the CSRF token gets the
   * "form has expired" page before the handler runs. `page`: GET and form POSTs, and the handler
   * checks the token itself (`csrfMatches`), because it answers some problems first (the app of a
   * login link) or a POST without a token its own way (logout.php asks again).
   */
  readonly forms: 'none' | 'checked' | 'page';
  readonly handler: (page: PageContext) => Promise<FastifyReply>;
}

/** A page's routes, to be registered in the pages' scope (http/pages.ts). */
export type PageRoutes = (server: FastifyInstance, services: PageServices) => void;

export function definePage(definition: PageDefinition): PageRoutes {
  return (server, services) => {
    server.route({
      method: definition.forms === 'none' ? ['GET'] : ['GET', 'POST'],
      url: definition.path,
      // A signed-in person's page gets the top bar's links as it goes out, after the handler's changes.
      onSend: async (request, _reply, payload) => (typeof payload === 'string' && payload.includes(TOP_BAR_MARK) ? withTopBar(payload, await services.topBar(request)) : payload),
      handler: async (request, reply) => {
        const read = readPageParams(request);
        if ('unreadable' in read) return sendProblem(reply, unreadableRequest(read.unreadable));
        const { params } = read;
        if (definition.forms === 'checked' && request.method === 'POST' && !csrfMatches(request, params)) return sendProblem(reply, formExpired(definition.path));
        return definition.handler({ request, reply, services, params, csrfToken: () => csrfToken(request, reply), csrfMatches: () => csrfMatches(request, params) });
      },
    });
  };
}

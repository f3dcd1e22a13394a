/**
 * The page kit's declaration for a signed-in person's own pages (applications, profile editor,
 * friends): the visitor who is not signed in gets the sign-in form there (account-sign-in.ts), a
 * POST without one of the page's action buttons is that form, and a change is made only for the
 * person signed in at that moment.
 */
import type { FastifyReply } from 'fastify';
import { definePage, type PageContext, type PageRoutes } from '../../../http/page-kit/define-page.js';
import { redirectTo } from '../../../http/page-kit/page-replies.js';
import type { Person } from '../../people/records.js';
import { showAccountSignIn, signInOnAccountPage, type AccountPage } from './account-sign-in.js';
import { signedInPerson } from './browser-sign-in.js';

export interface AccountPageDefinition extends AccountPage {
  /** The names of the buttons whose POST changes something. */
  readonly actions: readonly string[];
  /** The page itself, for the person signed in. */
  show(page: PageContext, person: Person): Promise<FastifyReply>;
  /** One form's change, for the person signed in. */
  change(page: PageContext, person: Person): Promise<FastifyReply>;
}

export function defineAccountPage(definition: AccountPageDefinition): PageRoutes {
  return definePage({
    path: definition.path,
    forms: 'checked',
    handler: async (page) => {
      const { request, reply, services, params } = page;
      if (request.method === 'POST' && !definition.actions.some((action) => params.flag(action))) {
        return signInOnAccountPage(request, reply, services, params, definition);
      }
      const person = await signedInPerson(request, services);
      if (request.method === 'POST') {
        // Signed out in another tab meanwhile: back to the page, which asks them to sign in; nothing changes.
        return person ? definition.change(page, person) : redirectTo(reply, 303, definition.path);
      }
      return person ? definition.show(page, person) : showAccountSignIn(request, reply, definition);
    },
  });
}

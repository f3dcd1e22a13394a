/**
 * The signed-in person's own pages (applications, profile, friends) are not tied to an app, so
 * login.php cannot bring a visitor back to them: each page signs people in itself, with this form.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../feature.js';
import { signIn } from './browser-sign-in.js';
import { csrfToken } from '../../../http/page-kit/csrf.js';
import { renderPage } from '../../../http/page-kit/layout.js';
import type { PageParams } from '../../../http/page-kit/page-params.js';
import { redirectTo, sendPage } from '../../../http/page-kit/page-replies.js';
import { answerFailedSignIn, signInForm } from './sign-in-form.js';
import { html, type SafeHtml } from '../../../http/page-kit/templates.js';

export interface AccountPage {
  readonly path: string;
  readonly heading: string;
  /** Why signing in is worth it, in one sentence. */
  readonly reason: string;
}

function signInView(page: AccountPage, token: string, email?: string, problem?: string): SafeHtml {
  const body = html`<h1>${page.heading}</h1>
<p>${page.reason}</p>
${signInForm({ action: page.path, carried: [], csrfToken: token, email, showKeepSignedIn: true, problem })}`;
  return renderPage({ title: 'Sign in', body });
}

/** The page's sign-in form, for a visitor who is not signed in. */
export function showAccountSignIn(request: FastifyRequest, reply: FastifyReply, page: AccountPage): FastifyReply {
  return sendPage(reply, 200, signInView(page, csrfToken(request, reply)));
}

/** Handles the page's sign-in form: back to the page once signed in, else the form with the problem. */
export async function signInOnAccountPage(
  request: FastifyRequest,
  reply: FastifyReply,
  services: Services,
  params: PageParams,
  page: AccountPage,
): Promise<FastifyReply> {
  const email = params.raw('email') ?? '';
  const outcome = await signIn(request, reply, services, { email, password: params.raw('pass') ?? '', persistent: params.flag('persistent') });
  if ('signedIn' in outcome) return redirectTo(reply, 303, page.path);
  return answerFailedSignIn(reply, outcome, (problem) => signInView(page, csrfToken(request, reply), email, problem));
}

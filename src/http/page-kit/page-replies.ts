/**
 * How pages answer: HTML documents, redirects and error pages, all with the security headers of
 * `PAGE_HEADERS`. Nothing here caches: pages carry forms, tokens or who is signed in.
 */
import type { FastifyReply } from 'fastify';
import { renderPage } from './layout.js';
import { html, type SafeHtml } from './templates.js';

export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  // No script at all; styles from our own stylesheet; pictures from anywhere (people's profile
  // pictures). No form-action: Chrome applies it to the redirect after a submit, which goes to the app.
  'content-security-policy': "default-src 'none'; style-src 'self'; img-src https: http: data:; frame-ancestors 'none'; base-uri 'none'",
  'x-frame-options': 'DENY',
  // Tokens and sessions travel in URLs; the next site must not see them in Referer.
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

export function withPageHeaders(reply: FastifyReply): FastifyReply {
  return reply.headers(PAGE_HEADERS);
}

/** `headers` replace the page headers of the same name (the profile page's policy for styles). */
export function sendPage(reply: FastifyReply, status: number, page: SafeHtml, headers: Readonly<Record<string, string>> = {}): FastifyReply {
  return withPageHeaders(reply).headers(headers).code(status).type('text/html; charset=utf-8').send(page.toString());
}

/** 302 for the hand-over to an app (what clients of 2008 saw), 303 after a form was posted. */
export function redirectTo(reply: FastifyReply, status: 302 | 303, location: string): FastifyReply {
  return withPageHeaders(reply).code(status).header('location', location).send();
}

export interface Problem {
  readonly status: number;
  readonly title: string;
  readonly message: SafeHtml | string;
  /** A second, smaller paragraph, e.g. what the app's developer can do about it. */
  readonly note?: SafeHtml | string;
  /** A link back to the start of the flow, when there is a sensible one. */
  readonly startOver?: { readonly href: string; readonly label: string };
}

export function sendProblem(reply: FastifyReply, problem: Problem, compact = false): FastifyReply {
  const body = html`<h1>${problem.title}</h1>
<p>${problem.message}</p>
${problem.note && html`<p class="muted">${problem.note}</p>`}
${problem.startOver && html`<div class="actions"><a class="button" href="${problem.startOver.href}">${problem.startOver.label}</a></div>`}`;
  return sendPage(reply, problem.status, renderPage({ title: problem.title, body, compact }));
}

/** A request whose query string or form body could not be decoded. */
export function unreadableRequest(what: string): Problem {
  return { status: 400, title: 'This request could not be read', message: `Hearth could not read ${what}. Check the link and try again.` };
}

/** A POST without the form's CSRF token (csrf.ts). */
export function formExpired(startOverHref: string): Problem {
  return {
    status: 403,
    title: 'This form has expired',
    message: 'This form has expired. Go back and try again.',
    startOver: { href: startOverHref, label: 'Start over' },
  };
}

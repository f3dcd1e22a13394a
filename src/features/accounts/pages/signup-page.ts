/**
 * `/r.php`, the sign-up page (docs/accounts.md): name, e-mail and password, as the operator's mode
 * allows — closed (a page saying so), by invitation (`?invite=CODE`), or open. Every form carries
 * the CSRF token, a signed time stamp (a form sent back within seconds is a program's) and a field
 * people never see (a program that fills it in is told its sign-up went well, and nothing happens).
 * A filled-in form that passes gets "check your e-mail": the account is made when the link in the
 * mail is followed (confirm-email-page.ts).
 */
import type { FastifyReply } from 'fastify';
import { definePage, type PageContext } from '../../../http/page-kit/define-page.js';
import { renderPage } from '../../../http/page-kit/layout.js';
import { sendPage, sendProblem, type Problem } from '../../../http/page-kit/page-replies.js';
import { csrfField } from '../../../http/page-kit/csrf.js';
import { html, type SafeHtml } from '../../../http/page-kit/templates.js';
import { signedInPerson, displayName } from '../../sign-in/pages/browser-sign-in.js';
import { MIN_FORM_SECONDS } from '../form-stamp.js';
import { SIGN_IN_PATH, SIGNUP_PATH } from '../account-paths.js';
import type { SignUpField, SignupMode } from '../signup-service.js';
import { MIN_PASSWORD_LENGTH } from '../../people/people-service.js';
import { checkMailPage } from './check-mail-view.js';
import { field, notice } from './account-fields.js';

/** The platform's own names for the sign-up fields. */
const FIELDS = { firstName: 'firstname', lastName: 'lastname', email: 'reg_email__', password: 'reg_passwd__' } as const satisfies Record<SignUpField, string>;
/** Hidden from people (the `hidden` attribute, no style needed); programs that fill in every field fill it in. */
export const HONEYPOT_FIELD = 'website';
export const STAMP_FIELD = 'form_started';
export const INVITE_FIELD = 'invite';

const closed: Problem = {
  status: 403,
  title: 'Sign-up is closed',
  message: 'This Hearth server does not take new accounts. If you should have one, ask the people who run it.',
  startOver: { href: SIGN_IN_PATH, label: 'Sign in' },
};

const byInvitation: Problem = {
  status: 403,
  title: 'Sign-up is by invitation',
  message: 'New accounts on this Hearth server need an invitation. If you have one, follow the link it came with.',
  startOver: { href: SIGN_IN_PATH, label: 'Sign in' },
};

const unusableInvitation: Problem = {
  status: 410,
  title: 'This invitation cannot be used',
  message: 'The invitation has expired, was already used, or the link is not complete. Ask whoever invited you for a new one.',
};

const limited: Problem = {
  status: 429,
  title: 'Too many sign-ups just now',
  message: 'Hearth takes only a few sign-ups at a time. Nothing was saved; try again in an hour.',
};

interface FormView {
  readonly values: Partial<Record<SignUpField, string>>;
  readonly errors: Partial<Record<SignUpField, string>>;
  readonly problem?: string;
  readonly invite?: string;
  /** The address an invitation is for. */
  readonly invitedEmail?: string | null;
  readonly stamp: string;
  readonly csrfToken: string;
}

function signupForm(view: FormView): SafeHtml {
  const { values, errors } = view;
  const count = Object.keys(errors).length;
  const body = html`<h1>Sign up for Hearth</h1>
<p>It is free. Applications you allow will see your name.</p>
${notice('error', view.problem ?? (count > 0 ? (count === 1 ? 'One field needs another look.' : `${count} fields need another look.`) : undefined))}
<form method="post" action="${SIGNUP_PATH}">
${csrfField(view.csrfToken)}
<input type="hidden" name="${STAMP_FIELD}" value="${view.stamp}">
${view.invite !== undefined && html`<input type="hidden" name="${INVITE_FIELD}" value="${view.invite}">`}
<div class="field-row">
${field({ name: FIELDS.firstName, label: 'First name', type: 'text', value: values.firstName, autocomplete: 'given-name', error: errors.firstName, autofocus: true })}
${field({ name: FIELDS.lastName, label: 'Last name', type: 'text', value: values.lastName, autocomplete: 'family-name', error: errors.lastName })}
</div>
${field({ name: FIELDS.email, label: 'Your e-mail', type: 'email', value: values.email ?? view.invitedEmail ?? '', autocomplete: 'email', error: errors.email, hint: 'We send a link there to confirm it.' })}
${field({ name: FIELDS.password, label: 'New password', type: 'password', autocomplete: 'new-password', error: errors.password, hint: `At least ${MIN_PASSWORD_LENGTH} characters.` })}
<div hidden aria-hidden="true"><label for="${HONEYPOT_FIELD}">Leave this empty</label><input type="text" id="${HONEYPOT_FIELD}" name="${HONEYPOT_FIELD}" value="" tabindex="-1" autocomplete="off"></div>
<div class="actions"><button class="button" type="submit">Sign up</button></div>
</form>
<p class="muted below">Already have an account? <a href="${SIGN_IN_PATH}">Sign in</a>.</p>`;
  return renderPage({ title: 'Sign up', body });
}

export const signupPage = definePage({ path: SIGNUP_PATH, forms: 'checked', handler: (page) => handleSignup(page) });

async function handleSignup(page: PageContext): Promise<FastifyReply> {
  const { request, reply, services, params } = page;
  const person = await signedInPerson(request, services);
  if (person) {
    const body = html`<h1>You have an account</h1>
<p>You are signed in as ${displayName(person)}. To make another account, sign out first.</p>
<div class="actions"><a class="button" href="${SIGN_IN_PATH}">Go to your news feed</a></div>`;
    return sendPage(reply, 200, renderPage({ title: 'Sign up', body }));
  }
  const mode = await services.signUps.mode();
  const invite = mode === 'invite' ? params.get(INVITE_FIELD) : undefined;
  const refusal = await refusalFor(page, mode, invite);
  if (refusal) return sendProblem(reply, refusal);
  const invitation = invite === undefined ? undefined : await services.signUps.invitation(invite);
  const formView = async (values: FormView['values'], errors: FormView['errors'], problem?: string): Promise<FormView> => ({
    values,
    errors,
    problem,
    invite,
    invitedEmail: invitation?.email,
    stamp: await services.signUps.formStamp(),
    csrfToken: page.csrfToken(),
  });
  if (request.method !== 'POST') return sendPage(reply, 200, signupForm(await formView({}, {})));

  const values = {
    firstName: params.raw(FIELDS.firstName) ?? '',
    lastName: params.raw(FIELDS.lastName) ?? '',
    email: params.raw(FIELDS.email) ?? '',
    password: params.raw(FIELDS.password) ?? '',
  };
  // Told nothing: a program that fills in every field learns nothing from the answer.
  if ((params.raw(HONEYPOT_FIELD) ?? '') !== '') return sendPage(reply, 200, checkMailPage(values.email.trim(), page.csrfToken()));
  const stamp = await services.signUps.checkFormStamp(params.get(STAMP_FIELD));
  if (stamp !== 'ok') return sendPage(reply, 400, signupForm(await formView(values, {}, stampProblem(stamp))));

  const outcome = await services.signUps.signUp({ ...values, invitation: invite, address: request.ip, origin: `${request.protocol}://${request.host}` });
  if ('sent' in outcome) return sendPage(reply, 200, checkMailPage(outcome.sent, page.csrfToken()));
  switch (outcome.problem) {
    case 'closed':
      return sendProblem(reply, closed);
    case 'invitation':
      return sendProblem(reply, unusableInvitation);
    case 'limited':
      reply.header('retry-after', '3600');
      return sendProblem(reply, limited);
    case 'fields':
      return sendPage(reply, 400, signupForm(await formView(values, outcome.errors)));
  }
}

/** Why this browser cannot see the form at all: sign-up closed, no invitation, or one that cannot be used. */
async function refusalFor({ services }: PageContext, mode: SignupMode, invite: string | undefined): Promise<Problem | undefined> {
  if (mode === 'closed') return closed;
  if (mode === 'open') return undefined;
  if (invite === undefined) return byInvitation;
  return (await services.signUps.invitation(invite)) ? undefined : unusableInvitation;
}

function stampProblem(stamp: 'too-soon' | 'too-old' | 'invalid'): string {
  switch (stamp) {
    case 'too-soon':
      return `That was quicker than a person fills in the form (${MIN_FORM_SECONDS} seconds at least). Check it and send it again.`;
    case 'too-old':
      return 'The form was open for too long. Check it and send it again.';
    case 'invalid':
      return 'This form could not be checked. Send it again.';
  }
}

/**
 * `/authorize.php` and its aliases (docs/pages.md, "/authorize.php"): an app asks a person for
 * extended permissions (`ext_perm`, or `perms` from the XFBML tag; one name or a comma list). The
 * person signs in if need be, allows the app first if they never did (login.php's authorization
 * step), then sees in plain words what each permission not yet granted lets the app do. Allow
 * grants them all and goes to `next`; Don't allow grants nothing and goes to the cancel address.
 * Both addresses count only on the app's callback URL origin, as on login.php; otherwise the
 * callback URL, otherwise a page.
 *
 * GET shows the step the person is at; POST carries the sign-in form or a decision (`grant` /
 * `cancel`, with `step=permissions` on the permission prompt). As on login.php, every step
 * rereads everything from the carried parameters and the cookies.
 */
import { onConnectSite, readConnectSite } from '../../connect/connect-site.js';
import { definePage, type PageContext } from '../../../http/page-kit/define-page.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ExtendedPermission } from '../extended-permissions.js';
import type { Services } from '../../feature.js';
import type { App } from '../../apps/records.js';
import type { Person } from '../../people/records.js';
import { findAppByApiKey } from '../../apps/app-lookup.js';
import { signedInPerson, signIn } from '../../sign-in/pages/browser-sign-in.js';
import { csrfToken } from '../../../http/page-kit/csrf.js';
import { AUTHORIZE_PATHS, authorizeUrl, parseAuthorizeRequest, type AuthorizePath, type AuthorizeRequest } from './authorize-request.js';
import { renderPage } from '../../../http/page-kit/layout.js';
import { unknownApiKey } from '../../sign-in/pages/login-problems.js';
import { type PageParams } from '../../../http/page-kit/page-params.js';
import { formExpired, redirectTo, sendPage, sendProblem, type Problem } from '../../../http/page-kit/page-replies.js';
import { noPermissionNamed, readPermissionList, unknownPermissions } from './permission-request.js';
import { authorizeAppPage, onPermissionStep, permissionPromptPage, permissionsDeclinedPage, permissionsGrantedPage } from './permission-views.js';
import { appBanner, type FlowForm } from '../../sign-in/pages/prompt-views.js';
import { resolveConnectTarget, resolveOnApp } from '../../sign-in/pages/redirect-targets.js';
import { answerFailedSignIn, signInForm } from '../../sign-in/pages/sign-in-form.js';
import { html, type SafeHtml } from '../../../http/page-kit/templates.js';
import { refusalFor } from '../../developers/pages/app-unavailable.js';

/** One prompt request, once its app and its permissions are known to be good. */
interface PromptContext {
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
  readonly services: Services;
  readonly params: PageParams;
  readonly prompt: AuthorizeRequest;
  readonly app: App;
  readonly permissions: readonly ExtendedPermission[];
  /** This server as the browser reaches it: its login_success page is a valid `next` too. */
  readonly platformOrigin: string;
}

// The prompt's own problems (its app, its permissions) are told before a form's token is checked.
export const authorizePages = AUTHORIZE_PATHS.map((path) => definePage({ path, forms: 'page', handler: (page) => handlePrompt(page, path) }));

const missingApiKey: Problem = {
  status: 400,
  title: 'This permission request is incomplete',
  message: 'The link does not say which application is asking (api_key is missing). Go back to the application and try again.',
};

async function handlePrompt({ request, reply, services, params, csrfMatches }: PageContext, path: AuthorizePath): Promise<FastifyReply> {
  const prompt = parseAuthorizeRequest(path, params, request.method);
  if (prompt.apiKey === undefined) return sendProblem(reply, missingApiKey, prompt.compact);
  const app = await findAppByApiKey(services, prompt.apiKey);
  if (!app) return sendProblem(reply, unknownApiKey(prompt.apiKey), prompt.compact);
  // The app's mistakes are told before anyone signs in.
  const reading = readPermissionList(prompt.permissionText);
  if ('none' in reading) return sendProblem(reply, noPermissionNamed(app, prompt.permissionParameter), prompt.compact);
  if ('unknown' in reading) return sendProblem(reply, unknownPermissions(app, reading.unknown, prompt.permissionParameter), prompt.compact);

  const context: PromptContext = {
    request,
    reply,
    services,
    params,
    prompt,
    app,
    permissions: reading.permissions,
    platformOrigin: `${request.protocol}://${request.host}`,
  };
  if (request.method !== 'POST') return showCurrentStep(context);
  if (!csrfMatches()) return sendProblem(reply, formExpired(authorizeUrl(prompt)), prompt.compact);
  if (params.flag('grant') || params.flag('cancel')) return decide(context);
  return signInFromForm(context);
}

function flowForm(prompt: AuthorizeRequest): FlowForm {
  return { action: prompt.path, carried: prompt.carried, notYouHref: authorizeUrl(prompt, { skipcookie: '1' }), compact: prompt.compact };
}

/** GET: the sign-in form, or — for a signed-in person — the next step. */
async function showCurrentStep(context: PromptContext): Promise<FastifyReply> {
  const { request, reply, services, prompt } = context;
  const person = prompt.skipCookie ? undefined : await signedInPerson(request, services);
  if (person) {
    const refused = await refusalFor(services, context.app, person.uid);
    return refused ? sendProblem(reply, refused, prompt.compact) : continueAs(context, person, false);
  }
  return sendPage(reply, 200, signInView(context, csrfToken(request, reply)));
}

/** POST of the sign-in form: on success, back to the prompt (303) without skipcookie. */
async function signInFromForm(context: PromptContext): Promise<FastifyReply> {
  const { request, reply, services, params, prompt } = context;
  const email = params.raw('email') ?? '';
  const outcome = await signIn(request, reply, services, { email, password: params.raw('pass') ?? '', persistent: params.flag('persistent') });
  if (!('signedIn' in outcome)) return answerFailedSignIn(reply, outcome, (problem) => signInView(context, csrfToken(request, reply), email, problem));
  return redirectTo(reply, 303, authorizeUrl(prompt, { skipcookie: undefined }));
}

/** POST of Allow / Don't allow, on the authorization step or on the permission prompt. */
async function decide(context: PromptContext): Promise<FastifyReply> {
  const { request, reply, services, params, prompt, app } = context;
  const person = await signedInPerson(request, services);
  // Signed out in another tab meanwhile: start again from the form.
  if (!person) return redirectTo(reply, 303, authorizeUrl(prompt));
  if (params.flag('cancel')) return leave(context, 'cancelled');
  const refused = await refusalFor(services, app, person.uid);
  if (refused) return sendProblem(reply, refused, prompt.compact);
  if (!onPermissionStep(params)) return continueAs(context, person, true);
  // Allow on the permission prompt. It is shown only to app users; if the app was removed
  // meanwhile, the authorization step comes again rather than a grant the person did not see.
  if (!(await services.grants.isAppUser(person.uid, app.appId))) return continueAs(context, person, false);
  await services.permissions.grant(person.uid, app, await services.permissions.missing(person.uid, app, context.permissions));
  return leave(context, 'granted');
}

/** Asks to allow the app the first time (`allowed`: the person just pressed Allow on that step), then for the permissions. */
async function continueAs(context: PromptContext, person: Person, allowed: boolean): Promise<FastifyReply> {
  const { request, reply, services, prompt, app } = context;
  if (!(await services.grants.isAppUser(person.uid, app.appId))) {
    if (!allowed) {
      const view = { app, person, form: flowForm(prompt), csrfToken: csrfToken(request, reply), permissionsToFollow: context.permissions.length };
      return sendPage(reply, 200, authorizeAppPage(view));
    }
    await services.grants.authorize(person.uid, app);
  }
  const missing = await services.permissions.missing(person.uid, app, context.permissions);
  // Everything granted already: straight on to `next`.
  if (missing.length === 0) return leave(context, 'granted');
  const view = { app, person, permissions: missing, form: flowForm(prompt), csrfToken: csrfToken(request, reply), declining: 'leave' as const };
  return sendPage(reply, 200, permissionPromptPage(view));
}

/**
 * Back to the app: `next` (granted) or the cancel address (cancelled) when it leads inside the
 * app's callback URL origin, onto its Connect site (its Connect URL's host or base domain: a
 * Connect site's receiver, for showPermissionDialog), or to this server's login_success page (for
 * programs that read the final URL); else the callback URL, else a page that says what happened.
 */
async function leave(context: PromptContext, outcome: 'granted' | 'cancelled'): Promise<FastifyReply> {
  const { reply, prompt, app, platformOrigin } = context;
  const asked = outcome === 'granted' ? prompt.next : prompt.cancelTarget;
  const target = resolveConnectTarget(app.callbackUrl, asked, platformOrigin)
    ?? onConnectSite(await readConnectSite(context.services, app), asked)
    ?? (app.callbackUrl === null ? undefined : resolveOnApp(app.callbackUrl, undefined));
  if (target) return redirectTo(reply, 302, target.href);
  const page = outcome === 'granted' ? permissionsGrantedPage(app, context.permissions, prompt.compact) : permissionsDeclinedPage(app, prompt.compact);
  return sendPage(reply, 200, page);
}

function signInView(context: PromptContext, token: string, email?: string, problem?: string): SafeHtml {
  const { app, prompt } = context;
  const body = html`${appBanner(app, html`Sign in to continue to <span class="app">${app.name}</span>`)}
${signInForm({
  action: prompt.path,
  // Carried whole, skipcookie included; the redirect after a successful sign-in drops it.
  carried: prompt.carried,
  csrfToken: token,
  email,
  showKeepSignedIn: !prompt.hideCheckbox,
  problem,
})}
<p class="muted below">${app.name} is asking for a permission. After you sign in, you can decide whether to give it.</p>`;
  return renderPage({ title: `Sign in to ${app.name}`, body, compact: prompt.compact });
}

/**
 * `/login.php` (docs/pages.md, "/login.php"): signs a person in, asks them once to allow the app,
 * asks for the extended permissions of `req_perms` that are not granted yet (step 4), then hands
 * the app what its flow expects (step 5) — an auth token on the callback URL (web), a session on
 * `next` (Connect), or a bound desktop token and a "you may close this window" page (desktop).
 *
 * GET shows the step the person is at; POST carries the sign-in form or the Allow / Don't allow
 * decision (told apart by the `grant` and `cancel` buttons, and on the permission prompt by a
 * hidden `step=permissions`). Every step rereads everything from the carried parameters and the
 * cookies, so no step trusts an earlier one.
 */
import { definePage, type PageContext } from '../../../http/page-kit/define-page.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ExtendedPermission } from '../../grants/extended-permissions.js';
import type { Services } from '../../feature.js';
import type { App } from '../../apps/records.js';
import type { Person } from '../../people/records.js';
import { findAppByApiKey } from '../../apps/app-lookup.js';
import { signedInPerson, signIn } from './browser-sign-in.js';
import { connectSessionJson } from '../../sessions/pages/connect-session.js';
import { csrfToken } from '../../../http/page-kit/csrf.js';
import { connectNextOutside, connectWithoutNext, desktopWithoutToken, missingApiKey, noCallbackUrl, unknownApiKey, unusableToken } from './login-problems.js';
import { LOGIN_PATH, loginUrl, parseLoginRequest, type LoginRequest } from './login-request.js';
import { confirmDesktopPage, desktopSignedInPage, loginFlowForm, notAllowedPage, signInPage } from './login-views.js';
import { type PageParams } from '../../../http/page-kit/page-params.js';
import { formExpired, redirectTo, sendPage, sendProblem, type Problem } from '../../../http/page-kit/page-replies.js';
import { readPermissionList, unknownPermissions } from '../../grants/pages/permission-request.js';
import { authorizeAppPage, onPermissionStep, permissionPromptPage } from '../../grants/pages/permission-views.js';
import { resolveConnectTarget, resolveOnApp, webAppDestination, withQueryParameter } from './redirect-targets.js';
import { answerFailedSignIn } from './sign-in-form.js';
import { canvasReturnUrl } from '../../canvas/canvas-return.js';
import { baseDomainFor, onConnectSite, readConnectSite, type ConnectSite } from '../../connect/connect-site.js';
import { refusalFor } from '../../developers/pages/app-unavailable.js';

/** One login.php request, once its app is known and its flow can work. */
interface LoginContext {
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
  readonly services: Services;
  readonly params: PageParams;
  readonly login: LoginRequest;
  readonly app: App;
  /** `req_perms`, checked; empty when none were asked for. */
  readonly permissions: readonly ExtendedPermission[];
  /** This server as the browser reaches it, for the login_success page. */
  readonly platformOrigin: string;
  /** Connect flows: the app's Connect URL host and base domain, where `next` may also lead (docs/connect.md). */
  readonly connectSite: ConnectSite | undefined;
}

// The login link's own problems (its app, its permissions) are told before a form's token is checked.
export const loginPage = definePage({ path: LOGIN_PATH, forms: 'page', handler: (page) => handleLogin(page) });

async function handleLogin({ request, reply, services, params, csrfMatches }: PageContext): Promise<FastifyReply> {
  const login = parseLoginRequest(params);
  if (login.apiKey === undefined) return sendProblem(reply, missingApiKey, login.compact);
  const app = await findAppByApiKey(services, login.apiKey);
  if (!app) return sendProblem(reply, unknownApiKey(login.apiKey), login.compact);
  // A misspelt permission is the app's mistake: said before anyone signs in. A list of nothing but commas asks for nothing.
  const requested = readPermissionList(login.requestedPermissions);
  if ('unknown' in requested) return sendProblem(reply, unknownPermissions(app, requested.unknown, 'req_perms'), login.compact);
  const permissions = 'permissions' in requested ? requested.permissions : [];

  const connectSite = login.flow.kind === 'connect' ? await readConnectSite(services, app) : undefined;
  const context: LoginContext = { request, reply, services, params, login, app, permissions, platformOrigin: `${request.protocol}://${request.host}`, connectSite };
  // Told before anyone types a password: a link that cannot end anywhere is not worth signing in for.
  const setupProblem = flowSetupProblem(context);
  if (setupProblem) return fail(context, setupProblem);

  if (request.method !== 'POST') return showCurrentStep(context);
  if (!csrfMatches()) return fail(context, formExpired(loginUrl(login)));
  if (params.flag('grant') || params.flag('cancel')) return decide(context);
  return signInFromForm(context);
}

/** A Connect flow's target: the app's callback origin, the login_success page, or the Connect site. */
function connectTarget({ app, platformOrigin, connectSite }: LoginContext, target: string | undefined): URL | undefined {
  return resolveConnectTarget(app.callbackUrl, target, platformOrigin) ?? (connectSite && onConnectSite(connectSite, target));
}

function fail(context: LoginContext, problem: Problem): FastifyReply {
  return sendProblem(context.reply, problem, context.login.compact);
}

function flowSetupProblem(context: LoginContext): Problem | undefined {
  const { app, login } = context;
  switch (login.flow.kind) {
    case 'web':
      if (app.type === 'desktop') return desktopWithoutToken(app);
      return app.callbackUrl === null ? noCallbackUrl(app) : undefined;
    case 'connect':
      if (login.next === undefined) return connectWithoutNext(app);
      if (login.channelUrl !== undefined && !connectTarget(context, login.channelUrl)) return connectNextOutside(app);
      return connectTarget(context, login.next) ? undefined : connectNextOutside(app);
    case 'desktop':
      // Whether the token is usable depends on who signs in: checked in showCurrentStep and continueAs.
      return undefined;
  }
}

/** GET: the sign-in form, or — for a signed-in person — the next step of the flow. */
async function showCurrentStep(context: LoginContext): Promise<FastifyReply> {
  const { request, reply, services, login, app } = context;
  const person = login.skipCookie ? undefined : await signedInPerson(request, services);
  if (person) return refusedOrContinue(context, person, false);
  if (login.flow.kind === 'desktop' && !(await services.sessions.tokenAwaitingSignIn(app, login.flow.authToken))) {
    return fail(context, unusableToken(app));
  }
  return sendPage(reply, 200, signInPage({ app, login, csrfToken: csrfToken(request, reply) }));
}

/** POST of the sign-in form: on success, back to GET login.php (303) to continue the flow. */
async function signInFromForm(context: LoginContext): Promise<FastifyReply> {
  const { request, reply, services, params, login, app } = context;
  const email = params.raw('email') ?? '';
  const outcome = await signIn(request, reply, services, { email, password: params.raw('pass') ?? '', persistent: params.flag('persistent') });
  if (!('signedIn' in outcome)) return answerFailedSignIn(reply, outcome, (problem) => signInPage({ app, login, csrfToken: csrfToken(request, reply), email, problem }));
  // Typing the password on this flow's own form is consent enough for a program the person already
  // allowed; the GET that follows then finds the token bound and says so (after asking for any
  // permissions of req_perms still missing).
  if (login.flow.kind === 'desktop' && !(await refusalFor(services, app, outcome.signedIn.uid)) && (await services.grants.isAppUser(outcome.signedIn.uid, app.appId))) {
    await services.sessions.bindToken(app, login.flow.authToken, outcome.signedIn.uid);
  }
  return redirectTo(reply, 303, loginUrl(login, { skipcookie: undefined }));
}

/** POST of Allow / Don't allow (or Continue / Cancel on the desktop confirmation, or the permission prompt). */
async function decide(context: LoginContext): Promise<FastifyReply> {
  const { request, reply, services, params, login } = context;
  const person = await signedInPerson(request, services);
  // Signed out in another tab meanwhile: start again from the form.
  if (!person) return redirectTo(reply, 303, loginUrl(login));
  // Even the permission prompt's Don't allow hands over a session: the app's settings come first.
  const refused = await refusalFor(services, context.app, person.uid);
  if (refused) return fail(context, refused);
  if (onPermissionStep(params)) return decidePermissions(context, person, !params.flag('cancel'));
  return params.flag('cancel') ? cancel(context) : continueAs(context, person, true);
}

/** The app's settings may turn the person away (sandbox mode, who can add) before any step of theirs. */
async function refusedOrContinue(context: LoginContext, person: Person, allowed: boolean): Promise<FastifyReply> {
  const refused = await refusalFor(context.services, context.app, person.uid);
  return refused ? fail(context, refused) : continueAs(context, person, allowed);
}

/**
 * Allow / Don't allow on the permission prompt. Either way the person goes on to the app: they
 * signed in and allowed it, and only the extra permissions are in question (docs/pages.md).
 */
async function decidePermissions(context: LoginContext, person: Person, grant: boolean): Promise<FastifyReply> {
  const { services, login, app } = context;
  // The prompt is shown only to an app user (for a desktop program, one who agreed to continue).
  // If the app was removed meanwhile, that step comes again instead.
  if (!(await services.grants.isAppUser(person.uid, app.appId))) return continueAs(context, person, false);
  if (login.flow.kind === 'desktop' && !(await services.sessions.tokenUsableBy(app, login.flow.authToken, person.uid))) return fail(context, unusableToken(app));
  if (grant) await services.permissions.grant(person.uid, app, await services.permissions.missing(person.uid, app, context.permissions));
  // finish() creates the session after the grant, so a Connect session reflects offline_access at once.
  return finish(context, person);
}

/**
 * The step after sign-in: ask to allow the app the first time, then finish. `allowed` is true
 * when the person just pressed Allow or Continue on a form of ours.
 */
async function continueAs(context: LoginContext, person: Person, allowed: boolean): Promise<FastifyReply> {
  const { request, reply, services, login, app } = context;
  const { flow } = login;
  let installed = false;
  // Checked before anything is granted: a dead or foreign token must leave no trace.
  if (flow.kind === 'desktop' && !(await services.sessions.tokenUsableBy(app, flow.authToken, person.uid))) return fail(context, unusableToken(app));
  if (!(await services.grants.isAppUser(person.uid, app.appId))) {
    if (!allowed) {
      const view = { app, person, form: loginFlowForm(login), csrfToken: csrfToken(request, reply), permissionsToFollow: context.permissions.length };
      return sendPage(reply, 200, authorizeAppPage(view));
    }
    await services.grants.authorize(person.uid, app);
    installed = true;
  } else if (flow.kind === 'desktop' && !allowed) {
    // Usable but no longer awaiting sign-in: already bound to this person, at sign-in just now, so
    // no question — except any permissions still to ask for (binding again in finish() changes nothing).
    if (!(await services.sessions.tokenAwaitingSignIn(app, flow.authToken))) return askForPermissionsOrFinish(context, person);
    return sendPage(reply, 200, confirmDesktopPage({ app, person, login, csrfToken: csrfToken(request, reply) }));
  }
  return askForPermissionsOrFinish(context, person, installed);
}

/** Step 4: the permissions of `req_perms` not granted yet, on one page; none left → finish. */
async function askForPermissionsOrFinish(context: LoginContext, person: Person, installed = false): Promise<FastifyReply> {
  const { request, reply, services, login, app } = context;
  const missing = context.permissions.length === 0 ? [] : await services.permissions.missing(person.uid, app, context.permissions);
  if (missing.length === 0) return finish(context, person, installed);
  const view = { app, person, permissions: missing, form: loginFlowForm(login), csrfToken: csrfToken(request, reply), declining: 'continue' as const };
  return sendPage(reply, 200, permissionPromptPage(view));
}

/** Step 5: hands the app what its flow expects (web, Connect or desktop); `installed`: the person allowed the app just now. */
async function finish(context: LoginContext, person: Person, installed = false): Promise<FastifyReply> {
  const { reply, services, login, app } = context;
  switch (login.flow.kind) {
    case 'desktop': {
      const bound = await services.sessions.bindToken(app, login.flow.authToken, person.uid);
      return bound ? sendPage(reply, 200, desktopSignedInPage(app, login)) : fail(context, unusableToken(app));
    }
    case 'connect': {
      const target = connectTarget(context, login.next);
      if (!target) return fail(context, connectNextOutside(app));
      const session = await services.sessions.createSession(app, person.uid, { withSecret: true });
      const baseDomain = context.connectSite && baseDomainFor(context.connectSite, target.href);
      const handOver = withQueryParameter(target, 'session', connectSessionJson(session, app.secret, baseDomain));
      return redirectTo(reply, 302, installed ? withQueryParameter(new URL(handOver), 'installed', '1') : handOver);
    }
    case 'web': {
      // With `canvas`, back to the canvas page; an app without canvas pages goes on as a web app.
      const canvasTarget = login.canvas ? await canvasReturnUrl(services, app, login.next, context.platformOrigin, installed) : undefined;
      if (canvasTarget) return redirectTo(reply, 302, canvasTarget);
      const token = await services.sessions.issueToken(app, person.uid);
      const destination = app.callbackUrl === null ? undefined : webAppDestination(app.callbackUrl, login.next, token);
      return destination ? redirectTo(reply, 302, destination) : fail(context, noCallbackUrl(app));
    }
  }
}

/** Don't allow: no token, no session; back to the app's cancel address, or a page saying so. */
function cancel(context: LoginContext): FastifyReply {
  const { reply, login, app } = context;
  const onApp = (target: string | undefined) => (app.callbackUrl === null ? undefined : resolveOnApp(app.callbackUrl, target));
  let target: URL | undefined;
  if (login.flow.kind === 'web') target = onApp(login.cancelTarget) ?? onApp(undefined);
  if (login.flow.kind === 'connect') target = connectTarget(context, login.cancelTarget) ?? onApp(undefined);
  return target ? redirectTo(reply, 302, target.href) : sendPage(reply, 200, notAllowedPage(app, login));
}

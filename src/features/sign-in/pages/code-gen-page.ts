/**
 * `/code_gen.php` (docs/code-gen.md): a signed-in person makes a one-time code for an app, which
 * the app's program exchanges through auth.getSession for a session that never expires.
 *
 * A visitor signs in on the page itself (login.php always ends at the app, never back here); a
 * person who has not allowed the app gets the authorization step login.php shows, posting back
 * here. GET only shows: the code is made by a POST of Generate with the CSRF token, and shown in
 * its answer, never put in a URL. Every request rereads who is signed in and whether they use the app.
 */
import type { FastifyReply } from 'fastify';
import { definePage, type PageContext } from '../../../http/page-kit/define-page.js';
import { formExpired, redirectTo, sendPage, sendProblem } from '../../../http/page-kit/page-replies.js';
import { findAppByApiKey } from '../../apps/app-lookup.js';
import type { App } from '../../apps/records.js';
import { authorizeAppPage } from '../../grants/pages/permission-views.js';
import type { Person } from '../../people/records.js';
import { signedInPerson, signIn } from './browser-sign-in.js';
import { CODE_GEN_PATH, codeGenUrl, parseCodeGenRequest, type CodeGenRequest } from './code-gen-request.js';
import { codeGenFlowForm, codeGenNotAllowedPage, codeGenSignInPage, generatePage, missingApiKey } from './code-gen-views.js';
import { unknownApiKey } from './login-problems.js';
import { answerFailedSignIn } from './sign-in-form.js';
import { refusalFor } from '../../developers/pages/app-unavailable.js';

// The link's own problem (its app) is told before a form's token is checked.
export const codeGenPage = definePage({ path: CODE_GEN_PATH, forms: 'page', handler: (page) => handleCodeGen(page) });

async function handleCodeGen(page: PageContext): Promise<FastifyReply> {
  const { request, reply, services, params } = page;
  const codeGen = parseCodeGenRequest(params);
  if (codeGen.apiKey === undefined) return sendProblem(reply, missingApiKey, codeGen.compact);
  const app = await findAppByApiKey(services, codeGen.apiKey);
  if (!app) return sendProblem(reply, unknownApiKey(codeGen.apiKey), codeGen.compact);

  if (request.method !== 'POST') {
    const person = codeGen.skipCookie ? undefined : await signedInPerson(request, services);
    return person ? showStep(page, codeGen, app, person) : sendPage(reply, 200, codeGenSignInPage({ app, request: codeGen, csrfToken: page.csrfToken() }));
  }
  if (!page.csrfMatches()) return sendProblem(reply, formExpired(codeGenUrl(codeGen)), codeGen.compact);
  if (!['generate', 'grant', 'cancel'].some((button) => params.flag(button))) return signInFromForm(page, codeGen, app);
  const person = await signedInPerson(request, services);
  // Signed out in another tab meanwhile: back to the page, which asks them to sign in; nothing is made.
  if (!person) return redirectTo(reply, 303, codeGenUrl(codeGen));
  if (params.flag('cancel')) return sendPage(reply, 200, codeGenNotAllowedPage(app, codeGen));
  const refused = await refusalFor(services, app, person.uid);
  if (refused) return sendProblem(reply, refused, codeGen.compact);
  if (params.flag('grant')) {
    await services.grants.authorize(person.uid, app);
    return redirectTo(reply, 303, codeGenUrl(codeGen));
  }
  // Generate, from someone who is (still) an app user; otherwise the authorization step comes first.
  if (!(await services.grants.isAppUser(person.uid, app.appId))) return redirectTo(reply, 303, codeGenUrl(codeGen));
  const code = await services.sessionCodes.generate(app, person.uid);
  return sendPage(reply, 200, generatePage({ app, person, request: codeGen, csrfToken: page.csrfToken(), code: code.code, lifetimeMinutes: lifetimeMinutes(page) }));
}

function lifetimeMinutes({ services }: PageContext): number {
  return Math.round(services.sessionCodes.policy.lifetimeMs / 60_000);
}

/** GET for a signed-in person: the authorization step the first time, then the Generate button. */
async function showStep(page: PageContext, codeGen: CodeGenRequest, app: App, person: Person): Promise<FastifyReply> {
  const { reply, services } = page;
  const refused = await refusalFor(services, app, person.uid);
  if (refused) return sendProblem(reply, refused, codeGen.compact);
  if (!(await services.grants.isAppUser(person.uid, app.appId))) {
    const view = { app, person, form: codeGenFlowForm(codeGen), csrfToken: page.csrfToken(), permissionsToFollow: 0 };
    return sendPage(reply, 200, authorizeAppPage(view));
  }
  return sendPage(reply, 200, generatePage({ app, person, request: codeGen, csrfToken: page.csrfToken(), lifetimeMinutes: lifetimeMinutes(page) }));
}

/** POST of the sign-in form: on success, back to GET code_gen.php (303) without skipcookie. */
async function signInFromForm(page: PageContext, codeGen: CodeGenRequest, app: App): Promise<FastifyReply> {
  const { request, reply, services, params } = page;
  const email = params.raw('email') ?? '';
  const outcome = await signIn(request, reply, services, { email, password: params.raw('pass') ?? '', persistent: params.flag('persistent') });
  if (!('signedIn' in outcome)) return answerFailedSignIn(reply, outcome, (problem) => codeGenSignInPage({ app, request: codeGen, csrfToken: page.csrfToken(), email, problem }));
  return redirectTo(reply, 303, codeGenUrl(codeGen, { skipcookie: undefined }));
}

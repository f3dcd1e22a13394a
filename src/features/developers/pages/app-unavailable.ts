/**
 * The page everyone but an app's developers gets where its settings turn them away
 * (docs/developers.md, "Sandbox mode and who can add"): HTTP 403, with the app's name and why,
 * in the words of its settings.
 */
import type { Problem } from '../../../http/page-kit/page-replies.js';
import type { App } from '../../apps/records.js';
import type { Services } from '../../feature.js';
import type { AppUse } from '../app-access.js';

export function appNotAvailable(app: App, use: Exclude<AppUse, 'ok'>, signIn?: string): Problem {
  return {
    status: 403,
    title: 'This application is not available',
    message:
      use === 'sandbox'
        ? `${app.name} is in sandbox mode: only its developers can use it for now.`
        : `${app.name} is not taking new users: its developers have turned off “People can add this application”.`,
    note: use === 'sandbox' ? 'If you develop it, sign in as yourself to use it.' : 'People who added it before go on using it.',
    ...(signIn === undefined ? {} : { startOver: { href: signIn, label: 'Sign in' } }),
  };
}

/**
 * Why a page that would hand the person `uid` a session, a token or a code of the app, or add it,
 * turns them away: sandbox mode always, "who can add" only if they have not added it yet.
 * Undefined when they may go on.
 */
export async function refusalFor(services: Services, app: App, uid: number): Promise<Problem | undefined> {
  const use = await services.appAccess.mayUse(app, uid);
  if (use === 'ok') return undefined;
  if (use === 'not-installable' && (await services.grants.isAppUser(uid, app.appId))) return undefined;
  return appNotAvailable(app, use);
}

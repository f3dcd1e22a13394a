/**
 * Who a call acts on (methods.md §0.2): web apps may name a person with `uid` or use the session's
 * person; desktop apps must use a session and may not name anyone else.
 */
import { ApiError } from '../protocol/errors.js';
import type { Services } from '../services/services.js';
import type { App } from '../store/store.js';
import type { TargetRule } from './define-method.js';
import { uid as uidType } from './params.js';

export interface SessionUser {
  readonly uid: number;
}

export async function resolveTarget(
  rule: TargetRule,
  app: App,
  rawUid: string | undefined,
  session: SessionUser | undefined,
  services: Services,
): Promise<number> {
  const named = rawUid === undefined ? undefined : uidType.parse(rawUid, 'uid');
  let target: number;
  if (app.type === 'desktop') {
    if (!session) throw new ApiError(102, 'desktop applications must call this method with a session_key');
    if (named !== undefined && named !== session.uid) {
      throw new ApiError(rule.otherUserError, rule.otherUserError === 200 ? 'desktop applications may only act on the session user' : undefined);
    }
    target = session.uid;
  } else if (named !== undefined) {
    target = named;
  } else if (session) {
    target = session.uid;
  } else {
    throw new ApiError(102, 'pass a uid or a session_key');
  }
  if (rule.access === 'write' && !(await services.grants.isAppUser(target, app.appId))) {
    throw new ApiError(200, `uid ${target} has not authorized this application`);
  }
  return target;
}

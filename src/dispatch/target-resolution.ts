/**
 * Who a call acts on (docs/protocol-choices.md, "Who a call acts on"): web apps may name a person
 * with `uid` or use the session's person; desktop apps must use a session and may not name anyone
 * else. A call signed with a session secret acts for that session's person only.
 */
import { ApiError } from '../wire/errors.js';
import type { CallerApp, CallSession, DispatchPorts } from './ports.js';
import type { TargetRule } from './define-method.js';
import { uid as uidType } from './params.js';

export interface TargetQuery {
  readonly rule: TargetRule;
  readonly app: CallerApp;
  readonly rawUid: string | undefined;
  readonly session: CallSession | undefined;
  readonly signedWithSessionSecret: boolean;
}

export async function resolveTarget(query: TargetQuery, ports: Pick<DispatchPorts, 'appUsers' | 'spokespeople'>): Promise<number> {
  const { rule, app, session } = query;
  const named = query.rawUid === undefined ? undefined : uidType.parse(query.rawUid, 'uid');
  // Acting as a place needs the person who speaks for it, so a session; that person is the app's user.
  if (rule.placesSpokenFor && session && named !== undefined && named !== session.uid && (await ports.spokespeople.speaksFor(session.uid, named))) {
    if (!session.personUsesApp) throw new ApiError(200, `uid ${session.uid} has not authorized this application`);
    return named;
  }
  let target: number;
  if (app.type === 'desktop') {
    if (!session) throw new ApiError(102, 'desktop applications must call this method with a session_key');
    if (named !== undefined && named !== session.uid) {
      throw new ApiError(rule.otherUserError, rule.otherUserError === 200 ? 'desktop applications may only act on the session user' : undefined);
    }
    target = session.uid;
  } else if (named !== undefined) {
    if (query.signedWithSessionSecret && named !== session?.uid) {
      throw new ApiError(200, 'a call signed with a session secret may only act on the session user');
    }
    target = named;
  } else if (session) {
    target = session.uid;
  } else {
    throw new ApiError(102, 'pass a uid or a session_key');
  }
  if (rule.who === 'app-user' && !(await ports.appUsers.isAppUser(target, app.appId, session))) {
    throw new ApiError(200, `uid ${target} has not authorized this application`);
  }
  return target;
}

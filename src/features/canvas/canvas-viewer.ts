/** Who is looking at a canvas page, as the `fb_sig_*` set tells the app (docs/canvas.md, "What the app receives"). */
import type { App } from '../apps/records.js';
import type { Services } from '../feature.js';
import type { Person } from '../people/records.js';
import type { ApiSession } from '../sessions/records.js';
import type { CanvasMode, CanvasViewer } from './records.js';

/** A session this close to its end is not handed out: the app would hold it only for moments. */
const FRESH_ENOUGH_MS = 10 * 60_000;

/**
 * The person's session with the app: their latest one if it lasts a while yet, else a new one.
 * An iframe gets the session secret too, so a session that expires is given one if it has none.
 */
async function sessionFor(services: Services, app: App, uid: number, mode: CanvasMode, now: Date): Promise<ApiSession> {
  const latest = await services.sessions.latestSession(app, uid, now);
  const usable = latest && (latest.expiresAt === null || latest.expiresAt.getTime() - now.getTime() > FRESH_ENOUGH_MS) ? latest : undefined;
  const session = usable ?? (await services.sessions.createSession(app, uid, { withSecret: true }, now));
  if (mode === 'iframe' && session.secret === null && session.expiresAt !== null) return { ...session, secret: await services.sessions.promote(session) };
  return session;
}

export async function canvasViewer(services: Services, app: App, person: Person | undefined, mode: CanvasMode, now = new Date()): Promise<CanvasViewer> {
  if (!person) return { kind: 'visitor' };
  if (!(await services.grants.isAppUser(person.uid, app.appId))) return { kind: 'signed-in', uid: person.uid, locale: person.locale };
  const [session, extendedPermissions, friends] = await Promise.all([
    sessionFor(services, app, person.uid, mode, now),
    services.permissions.granted(person.uid, app),
    services.friends.friendsOf(person.uid),
  ]);
  return {
    kind: 'app-user',
    uid: person.uid,
    locale: person.locale,
    sessionKey: session.sessionKey,
    expires: session.expiresAt === null ? 0 : Math.floor(session.expiresAt.getTime() / 1000),
    sessionSecret: session.secret,
    profileUpdateTime: person.profileUpdatedAt === null ? 0 : Math.floor(person.profileUpdatedAt.getTime() / 1000),
    extendedPermissions,
    friends,
  };
}

/**
 * events.invite: new guests, not_replied. With a session the person invites their friends (to an
 * OPEN event they are a guest of, to a CLOSED or SECRET one only if they made it) and needs
 * create_event; without one the app invites people who authorized it to events it made. Anyone the
 * rule refuses fails the whole call (200); people already invited are skipped.
 */
import { defineMethod, optional, required, text, uidList } from '../../../dispatch/method-kit.js';
import { ApiError } from '../../../wire/errors.js';
import { MAX_EVENT_TEXT } from '../event-info.js';
import { mayInvite } from '../event-visibility.js';
import { eidParam, needCreateEvent } from './event-params.js';

export const eventsInvite = defineMethod({
  name: 'events.invite',
  summary: 'Invites people to an event: the session user’s friends, or (without a session) people who authorized the app. With a session needs create_event (else 290).',
  params: {
    eid: required(eidParam, 'the event'),
    uids: required(uidList(114), 'whom to invite'),
    personal_message: optional(text(MAX_EVENT_TEXT), 'a plain-text note to the invitees'),
    // The 2009–10 PHP client sends the message as parameter `1`, with `0` = "personal_message".
    0: optional(text(64), 'the PHP client’s stray key: "personal_message" when `1` holds the message'),
    1: optional(text(MAX_EVENT_TEXT), 'the PHP client’s stray message, used when personal_message is absent'),
  },
  answer: 'boolean',
  access: { session: 'optional', sessionSecret: false, appTypes: ['web', 'desktop'] },
  handler: async ({ app, session, params, services }) => {
    await needCreateEvent(services, app, session);
    const reader = { uid: session?.uid, appId: app.appId };
    const [event] = await services.events.visible(reader, [params.eid]);
    if (event === undefined) throw new ApiError(150, `eid ${params.eid}`);
    const invitees = [...new Set(params.uids)];
    if (invitees.length === 0) throw new ApiError(114, 'uids: nobody to invite');
    if (session === undefined) {
      const users = await services.grants.appUsersAmong(app.appId, invitees);
      const outsider = invitees.find((uid) => !users.has(uid));
      if (outsider !== undefined) throw new ApiError(200, `uid ${outsider} has not authorized this application`);
    } else {
      const guests = await services.events.membersOf(event.eid);
      const isGuest = guests.some((guest) => guest.uid === session.uid);
      if (!mayInvite(session.uid, event, isGuest)) throw new ApiError(200, 'the session user may not invite people to this event');
      const friends = await services.friends.friendsAmong(session.uid, invitees);
      const stranger = invitees.find((uid) => uid !== session.uid && !friends.has(uid));
      if (stranger !== undefined) throw new ApiError(200, `uid ${stranger} is not a friend of the session user`);
    }
    const message = params.personal_message ?? (params[0] === 'personal_message' ? params[1] : undefined) ?? '';
    await services.events.invite(event, invitees, session?.uid ?? null, message);
    return true;
  },
});

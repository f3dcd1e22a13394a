/**
 * events.rsvp: the session user's answer. Only through the app that made the event, with
 * rsvp_event (299); a CLOSED or SECRET event only after an invitation (200).
 */
import { defineMethod, oneOf, required } from '../../../dispatch/method-kit.js';
import { ApiError } from '../../../wire/errors.js';
import { mayAnswer } from '../event-visibility.js';
import { ANSWERS } from '../records.js';
import { eidParam } from './event-params.js';

export const eventsRsvp = defineMethod({
  name: 'events.rsvp',
  summary: 'Sets the session user’s RSVP to an event the app made: attending, unsure or declined. Needs rsvp_event (else 299).',
  params: {
    eid: required(eidParam, 'the event'),
    rsvp_status: required(oneOf(ANSWERS, 'RSVP status'), ANSWERS.join(', ')),
  },
  answer: 'boolean',
  access: { session: 'required', sessionSecret: true, appTypes: ['web', 'desktop'] },
  handler: async ({ app, session, params, services }) => {
    const reader = { uid: session.uid, appId: app.appId };
    const [event] = await services.events.visible(reader, [params.eid]);
    if (event === undefined) throw new ApiError(150, `eid ${params.eid}`);
    if (!(await services.grants.hasPermission(session.uid, app.appId, 'rsvp_event', session))) throw new ApiError(299);
    if (event.appId !== app.appId) throw new ApiError(200, 'this application is not an admin of the event');
    // An OPEN event takes anyone's answer, so its guests need not be read.
    const isGuest = event.privacy !== 'OPEN' && (await services.events.membersOf(event.eid)).some((guest) => guest.uid === session.uid);
    if (!mayAnswer(session.uid, event, isGuest)) throw new ApiError(200, 'this event takes answers only from the people invited');
    await services.events.answer(event, session.uid, params.rsvp_status);
    return true;
  },
});

/**
 * events.cancel: the event is gone for every reader afterwards (events.get leaves it out, the rest
 * answer 150). Every guest who had not declined is notified, with the cancel_message quoted.
 */
import { defineMethod, optional, required, text } from '../../../dispatch/method-kit.js';
import { MAX_EVENT_TEXT } from '../event-info.js';
import { eventPagePath } from '../pages/event-page-parts.js';
import { eidParam, needAdmin, needCreateEvent } from './event-params.js';

export const eventsCancel = defineMethod({
  name: 'events.cancel',
  summary: 'Cancels an event made through the app. With a session needs create_event (else 290).',
  params: {
    eid: required(eidParam, 'the event'),
    cancel_message: optional(text(MAX_EVENT_TEXT), 'what the guests are told; may be empty'),
  },
  answer: 'boolean',
  access: { session: 'optional', sessionSecret: false, appTypes: ['web', 'desktop'] },
  handler: async ({ app, session, params, services }) => {
    await needCreateEvent(services, app, session);
    const event = await services.events.live(params.eid);
    needAdmin(event, app, session);
    const message = params.cancel_message ?? '';
    await services.events.cancel(event, message);
    const guests = (await services.events.membersOf(event.eid)).filter((guest) => guest.rsvpStatus !== 'declined').map((guest) => guest.uid);
    const quoted = message.trim() === '' ? '.' : `: “${message.trim()}”`;
    await services.notifications.notify({
      appId: app.appId,
      from: session?.uid ?? null,
      to: guests,
      text: session ? `cancelled the event ${event.name}${quoted}` : `The event ${event.name} was cancelled${quoted}`,
      href: eventPagePath(event.eid),
    });
    return true;
  },
});

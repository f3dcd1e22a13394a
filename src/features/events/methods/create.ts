/**
 * events.create: a new event made through the app. With a session it is the person's (they need
 * create_event, and are its first guest, attending); without one the app alone made it. A file sent
 * with the call (a multipart part with a file name) becomes the event's picture. Answers the eid.
 */
import { defineMethod, required } from '../../../dispatch/method-kit.js';
import { parseEventInfo } from '../event-info.js';
import { eventInfoParam, needCreateEvent, uploadedPicture } from './event-params.js';

export const eventsCreate = defineMethod({
  name: 'events.create',
  summary: 'Makes an event (event_info: name and start_time required; a multipart file is its picture); answers its eid. With a session needs create_event (else 290).',
  params: {
    event_info: required(eventInfoParam, 'a JSON object: name, start_time, end_time, category, subcategory, host, location, street, city, phone, email, description, privacy_type, tagline, host_id'),
  },
  answer: 'number',
  access: { session: 'optional', sessionSecret: false, appTypes: ['web', 'desktop'] },
  handler: async ({ app, session, params, services, upload }) => {
    await needCreateEvent(services, app, session);
    const changes = parseEventInfo(params.event_info);
    const picture = await uploadedPicture(upload);
    const person = session === undefined ? undefined : (await services.people.findMany([session.uid]))[0];
    const defaultHost = person !== undefined ? `${person.firstName} ${person.lastName}` : (await services.apps.findMany([app.appId]))[0]?.name ?? '';
    const event = await services.events.create({ changes, creator: session?.uid ?? null, appId: app.appId, defaultHost, picture });
    return event.eid;
  },
});

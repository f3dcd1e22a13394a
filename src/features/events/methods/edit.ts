/** events.edit: changes the keys of event_info given (and the picture, when a file is sent); the app must be the event's admin. */
import { defineMethod, required } from '../../../dispatch/method-kit.js';
import { parseEventInfo } from '../event-info.js';
import { eidParam, eventInfoParam, needAdmin, needCreateEvent, uploadedPicture } from './event-params.js';

export const eventsEdit = defineMethod({
  name: 'events.edit',
  summary: 'Changes an event made through the app (only the keys of event_info given; a multipart file replaces its picture). With a session needs create_event (else 290).',
  params: {
    eid: required(eidParam, 'the event'),
    event_info: required(eventInfoParam, 'a JSON object with the keys to change, as events.create takes them'),
  },
  answer: 'boolean',
  access: { session: 'optional', sessionSecret: false, appTypes: ['web', 'desktop'] },
  handler: async ({ app, session, params, services, upload }) => {
    await needCreateEvent(services, app, session);
    const changes = parseEventInfo(params.event_info);
    const event = await services.events.live(params.eid);
    needAdmin(event, app, session);
    const picture = await uploadedPicture(upload);
    await services.events.edit(event, changes, new Date(), picture);
    return true;
  },
});

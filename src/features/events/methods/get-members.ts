/**
 * events.getMembers: the event's guests in four lists, always all present (a root without
 * `list="true"`, the lists with it). Without a session only the app's events and guests who
 * authorized the app; a CLOSED or SECRET event's list only for its guests (200).
 */
import { defineMethod, required } from '../../../dispatch/method-kit.js';
import { ApiError } from '../../../wire/errors.js';
import { ApiList } from '../../../wire/values.js';
import { RSVP_STATUSES } from '../records.js';
import { eidParam } from './event-params.js';

export const eventsGetMembers = defineMethod({
  name: 'events.getMembers',
  summary: 'The guests of an event the reader may see: attending, unsure, declined and not_replied uids.',
  params: {
    eid: required(eidParam, 'the event'),
  },
  answer: 'record',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'] },
  handler: async ({ app, session, params, services }) => {
    if (session === undefined && app.type === 'desktop') throw new ApiError(102, 'desktop applications need a session');
    const reader = { uid: session?.uid, appId: app.appId };
    const [event] = await services.events.visible(reader, [params.eid]);
    if (event === undefined) throw new ApiError(150, `eid ${params.eid}`);
    if (!(await services.events.mayListGuests(reader, event))) throw new ApiError(200, 'only the guests of this event see who else is invited');
    const guests = await services.events.guests(reader, [event]);
    return Object.fromEntries(
      RSVP_STATUSES.map((status) => [status, new ApiList('uid', guests.filter((guest) => guest.rsvpStatus === status).map((guest) => guest.uid), 'self-closing')]),
    );
  },
});

/**
 * events.get: the events of a person (by uid, else the session user), or by eid, or both (those
 * eids the person is a guest of), that the reader may see, overlapping the time window; by start_time.
 */
import { defineMethod, oneOf, optional, positiveId, uid } from '../../../dispatch/method-kit.js';
import { ApiError } from '../../../wire/errors.js';
import { ApiList } from '../../../wire/values.js';
import { eventValue } from '../event-values.js';
import { RSVP_STATUSES } from '../records.js';
import { eidListParam, timeBoundParam } from './event-params.js';

export const eventsGet = defineMethod({
  name: 'events.get',
  summary: 'Events of a person or by eid that the reader may see, in a time window, optionally by the person’s RSVP status.',
  params: {
    uid: optional(uid, 'whose events (any RSVP status); defaults to the session user when eids is not given'),
    eids: optional(eidListParam, 'only these events'),
    start_time: optional(timeBoundParam, 'only events ending at or after this time; 0 for no bound'),
    end_time: optional(timeBoundParam, 'only events starting at or before this time; 0 for no bound'),
    rsvp_status: optional(oneOf(RSVP_STATUSES, 'RSVP status'), `only events the person (uid, else the session user) answered so: ${RSVP_STATUSES.join(', ')}`),
    gid: optional(positiveId(), 'a group’s events (Hearth has no groups: always none)'),
  },
  answer: 'fql_rows',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'] },
  handler: async ({ app, session, params, services, origin }) => {
    if (session === undefined && app.type === 'desktop') throw new ApiError(102, 'desktop applications need a session');
    const none = new ApiList('event', []);
    if (params.gid !== undefined) return none;
    if (params.uid !== undefined && (await services.people.findMany([params.uid])).length === 0) throw new ApiError(110, `uid ${params.uid} names nobody`);
    const person = params.uid ?? session?.uid;
    const eids = params.eids?.length === 0 ? undefined : params.eids;
    if (person === undefined && eids === undefined) throw new ApiError(100, 'uid or eids is needed without a session');
    if (person === undefined && params.rsvp_status !== undefined) throw new ApiError(100, 'rsvp_status needs uid or a session');
    const memberships = person === undefined ? [] : await services.events.eventsOfPerson(person);
    const statusOf = new Map(memberships.map((member) => [member.eid, member.rsvpStatus]));
    const named = params.uid !== undefined || eids === undefined ? memberships.map((member) => member.eid) : eids;
    const wanted = eids === undefined ? named : named.filter((eid) => eids.includes(eid));
    const lower = params.start_time ?? 0;
    const upper = params.end_time ?? 0;
    if (lower !== 0 && upper !== 0 && lower >= upper) return none;
    const events = (await services.events.visible({ uid: session?.uid, appId: app.appId }, wanted)).filter(
      (event) =>
        (lower === 0 || event.endTime >= lower) &&
        (upper === 0 || event.startTime <= upper) &&
        (params.rsvp_status === undefined || statusOf.get(event.eid) === params.rsvp_status),
    );
    return new ApiList('event', events.map((event) => eventValue(origin, event)));
  },
});

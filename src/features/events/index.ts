/** Events: what people and apps plan, invitations and answers (events.*), and the FQL tables event and event_member. */
import { defineFeature } from '../feature.js';
import { eventPlaces } from './event-place.js';
import { StoredEventRepository } from './event-repository.js';
import { EventService } from './event-service.js';
import { eventMemberTable, eventTable } from './fql-tables.js';
import { eventsCancel } from './methods/cancel.js';
import { eventsCreate } from './methods/create.js';
import { eventsEdit } from './methods/edit.js';
import { eventsGetMembers } from './methods/get-members.js';
import { eventsGet } from './methods/get.js';
import { eventsInvite } from './methods/invite.js';
import { eventsRsvp } from './methods/rsvp.js';
import { eventsMigration } from './migrations/020-events.js';
import { eventPicturesMigration } from './migrations/026-event-pictures.js';
import { eventPages } from './pages/index.js';
import type { EventRepository } from './records.js';
import './tables.js';

declare module '../feature.js' {
  interface Store {
    readonly events: EventRepository;
  }
  interface Services {
    readonly events: EventService;
  }
}

export const eventsFeature = defineFeature({
  name: 'events',
  migrations: [eventsMigration, eventPicturesMigration],
  repositories: ({ db }) => ({ events: new StoredEventRepository(db) }),
  services: ({ store, services }) => ({ events: new EventService(store, services) }),
  methods: [eventsCreate, eventsEdit, eventsCancel, eventsGet, eventsGetMembers, eventsInvite, eventsRsvp],
  fqlTables: [eventTable, eventMemberTable],
  pages: eventPages,
  places: ({ store }) => eventPlaces(store),
});

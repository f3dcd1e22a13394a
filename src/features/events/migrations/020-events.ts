/**
 * Events: what people and apps plan, and each guest's answer. An event outlives the app it was made
 * through (it then has no app admin) and goes with its creator; a guest's row goes with the event or
 * the guest. One row per guest and event, so the four RSVP lists can never overlap.
 */
import type { Migration } from '../../../db/migrations/migration.js';

export const eventsMigration: Migration = {
  version: 20,
  name: 'events',
  sql: (w) => `
CREATE TABLE events (
  eid ${w.identity(1)},
  creator_uid ${w.bigint} REFERENCES people (uid) ON DELETE CASCADE,
  app_id ${w.bigint} REFERENCES apps (app_id) ON DELETE SET NULL,
  name TEXT NOT NULL,
  tagline TEXT NOT NULL,
  host TEXT NOT NULL,
  description TEXT NOT NULL,
  event_type TEXT NOT NULL,
  event_subtype TEXT NOT NULL,
  start_time ${w.bigint} NOT NULL,
  end_time ${w.bigint} NOT NULL,
  location TEXT NOT NULL,
  street TEXT NOT NULL,
  city TEXT NOT NULL,
  phone TEXT NOT NULL,
  email TEXT NOT NULL,
  privacy TEXT NOT NULL,
  host_id ${w.bigint},
  cancelled INTEGER NOT NULL DEFAULT 0,
  cancel_message TEXT NOT NULL DEFAULT '',
  update_time ${w.bigint} NOT NULL
);
-- For the apps foreign key: removing an app finds its events by it.
CREATE INDEX events_app ON events (app_id);

CREATE TABLE event_members (
  eid ${w.bigint} NOT NULL REFERENCES events (eid) ON DELETE CASCADE,
  uid ${w.bigint} NOT NULL REFERENCES people (uid) ON DELETE CASCADE,
  rsvp_status TEXT NOT NULL,
  invited_by ${w.bigint} REFERENCES people (uid) ON DELETE SET NULL,
  personal_message TEXT NOT NULL,
  updated_at ${w.bigint} NOT NULL,
  PRIMARY KEY (eid, uid)
);
CREATE INDEX event_members_uid ON event_members (uid, eid);
`,
};

/** Profile fields users.getInfo returns beyond names and picture, and when a profile last changed. */
import type { Migration } from './migration.js';

export const profiles: Migration = {
  version: 3,
  name: 'profiles',
  sql: (w) => `
ALTER TABLE people ADD COLUMN sex TEXT;
ALTER TABLE people ADD COLUMN birthday TEXT;
ALTER TABLE people ADD COLUMN locale TEXT NOT NULL DEFAULT 'en_US';
ALTER TABLE people ADD COLUMN timezone ${w.double};
ALTER TABLE people ADD COLUMN profile_updated_at ${w.bigint};
`,
};

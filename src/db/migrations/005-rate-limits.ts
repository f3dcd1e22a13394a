/** Request counts per app and window, so every process on one database shares an app's limit. */
import type { Migration } from './migration.js';

export const rateLimits: Migration = {
  version: 5,
  name: 'rate-limits',
  sql: (w) => `
CREATE TABLE rate_limit_windows (
  app_id ${w.bigint} NOT NULL REFERENCES apps (app_id) ON DELETE CASCADE,
  window_start ${w.bigint} NOT NULL,
  requests INTEGER NOT NULL,
  PRIMARY KEY (app_id, window_start)
);
`,
};

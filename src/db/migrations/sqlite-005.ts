/** Request counts per app and window, so every process on one database shares an app's limit. */
export const sql = `
CREATE TABLE rate_limit_windows (
  app_id INTEGER NOT NULL REFERENCES apps (app_id) ON DELETE CASCADE,
  window_start INTEGER NOT NULL,
  requests INTEGER NOT NULL,
  PRIMARY KEY (app_id, window_start)
);
`;

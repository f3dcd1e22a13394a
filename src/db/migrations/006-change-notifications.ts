/**
 * PostgreSQL only: every instance keeps apps and settings in memory until one of these
 * notifications arrives (postgres-change-watch.ts). SQLite connections see each other's commits
 * without help, so there it is empty and both histories keep one numbering.
 */
import type { Migration } from './migration.js';

export const changeNotifications: Migration = {
  version: 6,
  name: 'change-notifications',
  sql: {
    sqlite: '',
    postgres: `
CREATE FUNCTION hearth_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('hearth_changes', TG_TABLE_NAME);
  RETURN NULL;
END
$$;
CREATE TRIGGER apps_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON apps
  FOR EACH STATEMENT EXECUTE FUNCTION hearth_notify_change();
CREATE TRIGGER settings_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON settings
  FOR EACH STATEMENT EXECUTE FUNCTION hearth_notify_change();`,
  },
};

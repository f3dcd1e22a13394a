/**
 * PostgreSQL only: instances keep app properties in memory (cached-app-property-repository.ts),
 * and who may use an app in sandbox mode (its developers: developers/app-access.ts), until a change
 * notification arrives, as they do for apps and settings. SQLite connections see each other's
 * commits without help, so there it is empty.
 */
import type { Migration } from '../../../db/migrations/migration.js';

export const appPropertyChangesMigration: Migration = {
  version: 37,
  name: 'app-property-changes',
  sql: {
    sqlite: '',
    postgres: `
CREATE TRIGGER app_properties_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON app_properties
  FOR EACH STATEMENT EXECUTE FUNCTION hearth_notify_change();
CREATE TRIGGER app_developers_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON app_developers
  FOR EACH STATEMENT EXECUTE FUNCTION hearth_notify_change();`,
  },
};

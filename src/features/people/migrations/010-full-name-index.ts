/** FQL finds people by full name (`SELECT uid FROM user WHERE name = '…'`): an index on the expression the lookup uses. */
import type { Migration } from '../../../db/migrations/migration.js';

export const fullNameIndexMigration: Migration = {
  version: 10,
  name: 'people-full-name-index',
  sql: () => `CREATE INDEX people_full_name ON people ((first_name || ' ' || last_name));\n`,
};

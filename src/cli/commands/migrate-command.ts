/** `hearth migrate`: brings a database's schema up to date, as a deployment step before serving. */
import { Command } from 'commander';
import { describeLocation } from '../../db/open-database.js';
import { dbOption, withStore } from '../cli-support.js';

export function migrateCommand(): Command {
  return new Command('migrate')
    .description('apply pending schema migrations to the database (serve does this at start unless --no-migrate)')
    .addOption(dbOption())
    .action(async (options) =>
      // Opening the store applies what is pending, under a lock, so instances starting at once are safe.
      withStore(options.db, async () => {
        process.stdout.write(`database ${describeLocation(options.db)} is up to date\n`);
      }),
    );
}

/** `hearth maintenance on|off|status`: while on, every API call answers error 2. */
import { Command } from 'commander';
import { dbOption, withStore } from '../cli-support.js';

export function maintenanceCommand(): Command {
  const command = new Command('maintenance').description('switch maintenance mode (API error 2 for every call) on or off');

  command
    .command('on')
    .description('answer every API call with error 2 until switched off')
    .option('--note <text>', 'why, for other operators (shown by status)')
    .addOption(dbOption())
    .action(async (options) =>
      withStore(options.db, async (_store, services) => {
        await services.maintenance.set(true, options.note ?? '');
        process.stdout.write('maintenance on: API calls now answer error 2\n');
      }),
    );

  command
    .command('off')
    .description('serve API calls again')
    .addOption(dbOption())
    .action(async (options) =>
      withStore(options.db, async (_store, services) => {
        await services.maintenance.set(false);
        process.stdout.write('maintenance off: API calls are served\n');
      }),
    );

  command
    .command('status')
    .description('say whether maintenance mode is on')
    .addOption(dbOption())
    .action(async (options) =>
      withStore(options.db, async (_store, services) => {
        const note = await services.maintenance.note();
        process.stdout.write(note === undefined ? 'maintenance off\n' : `maintenance on${note ? `: ${note}` : ''}\n`);
      }),
    );

  return command;
}

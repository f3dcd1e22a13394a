#!/usr/bin/env node
/** The `hearth` command: the server and its administration. */
import { Command, CommanderError } from 'commander';
import { createRequire } from 'node:module';
import { InvalidInputError } from '../dispatch/invalid-input-error.js';
import { StoreLocationError } from '../db/open-database.js';
import { StoreUnavailableError } from '../db/store-errors.js';
import { CliError } from './cli-support.js';
import { appCommand } from './commands/app-command.js';
import { fbmlCommand } from './commands/fbml-command.js';
import { friendCommand } from './commands/friend-command.js';
import { friendlistCommand } from './commands/friendlist-command.js';
import { statusCommand } from './commands/status-command.js';
import { maintenanceCommand } from './commands/maintenance-command.js';
import { migrateCommand } from './commands/migrate-command.js';
import { postCommand } from './commands/post-command.js';
import { photoCommand } from './commands/photo-command.js';
import { groupCommand } from './commands/group-command.js';
import { pageCommand } from './commands/page-command.js';
import { messageCommand } from './commands/message-command.js';
import { mailCommand } from './commands/mail-command.js';
import { serveCommand } from './commands/serve-command.js';
import { userCommand } from './commands/user-command.js';

const { version } = createRequire(import.meta.url)('../../../package.json') as { version: string };

const program = new Command('hearth')
  .description('A self-hosted server for the classic Facebook Platform REST API 1.0')
  .version(version)
  .showSuggestionAfterError()
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(`hearth: ${text.replace(/^error: /, '').trim()}\n`) });

for (const command of [serveCommand(), appCommand(), userCommand(), friendCommand(), friendlistCommand(), statusCommand(), postCommand(), photoCommand(), groupCommand(), pageCommand(), messageCommand(), mailCommand(), fbmlCommand(), maintenanceCommand(), migrateCommand()]) {
  program.addCommand(command);
}
// Subcommands inherit exit and output handling so every failure ends the same way.
program.commands.forEach(function inherit(command: Command) {
  command.exitOverride().configureOutput(program.configureOutput());
  command.commands.forEach(inherit);
});

/** Failures an operator can act on are one line; anything else is a bug and keeps its stack. */
function explain(error: unknown): string | undefined {
  if (error instanceof CliError || error instanceof InvalidInputError || error instanceof StoreLocationError) return error.message;
  if (error instanceof StoreUnavailableError) return error.message;
  return undefined;
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  const message = explain(error);
  if (message === undefined) {
    // One line for the operator; the stack only when asked for, to report the bug.
    const detail = process.env.HEARTH_DEBUG ? (error as Error)?.stack : (error as Error)?.message;
    process.stderr.write(`hearth: unexpected failure: ${detail ?? String(error)} (set HEARTH_DEBUG=1 for details)\n`);
    process.exit(70);
  }
  process.stderr.write(`hearth: ${message}\n`);
  process.exit(1);
}

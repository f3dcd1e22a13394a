/**
 * `hearth app developer add|remove|list APP [PERSON]`: who develops an app, for the operator. An
 * app made with `hearth app create` has no developer, so no one sees it on /developers/ until
 * one is added; the operator may also remove an app's last developer.
 */
import { Command } from 'commander';
import type { Services } from '../../features/feature.js';
import { CliError, dbOption, findPerson, formatTable, jsonOption, printJson, withStore } from '../cli-support.js';

async function printDevelopers(services: Services, appId: number, json: boolean | undefined): Promise<void> {
  const developers = await services.developers.developers(appId);
  if (json) return printJson(developers.map((person) => ({ uid: person.uid, email: person.email, name: `${person.firstName} ${person.lastName}` })));
  if (developers.length === 0) return void process.stdout.write(`App ${appId} has no developers. Add one with: hearth app developer add ${appId} PERSON\n`);
  process.stdout.write(`${formatTable(['UID', 'EMAIL', 'NAME'], developers.map((person) => [String(person.uid), person.email, `${person.firstName} ${person.lastName}`]))}\n`);
}

export function appDeveloperCommand(): Command {
  const command = new Command('developer').description('who may see and change an app on /developers/');

  command
    .command('add <app> <person>')
    .description('make a person (uid or e-mail) a developer of an app (app_id or api_key)')
    .addOption(jsonOption())
    .addOption(dbOption())
    .action(async (idOrKey: string, who: string, options) =>
      withStore(options.db, async (_store, services) => {
        const app = await services.apps.find(idOrKey);
        const person = await findPerson(services, who);
        const { added } = await services.developers.addDeveloper(app.appId, String(person.uid));
        if (!options.json) process.stdout.write(added ? `${person.email} is now a developer of app ${app.appId}.\n` : `${person.email} already was a developer of app ${app.appId}.\n`);
        await printDevelopers(services, app.appId, options.json);
      }),
    );

  command
    .command('remove <app> <person>')
    .description('stop a person (uid or e-mail) being a developer of an app; the last one may go too')
    .addOption(jsonOption())
    .addOption(dbOption())
    .action(async (idOrKey: string, who: string, options) =>
      withStore(options.db, async (_store, services) => {
        const app = await services.apps.find(idOrKey);
        const person = await findPerson(services, who);
        if (!(await services.developers.removeDeveloper(app.appId, person.uid, { keepOne: false }))) {
          throw new CliError(`${person.email} is not a developer of app ${app.appId}`);
        }
        if (!options.json) process.stdout.write(`${person.email} is no longer a developer of app ${app.appId}.\n`);
        await printDevelopers(services, app.appId, options.json);
      }),
    );

  command
    .command('list <app>')
    .description("an app's developers")
    .addOption(jsonOption())
    .addOption(dbOption())
    .action(async (idOrKey: string, options) =>
      withStore(options.db, async (_store, services) => printDevelopers(services, (await services.apps.find(idOrKey)).appId, options.json)),
    );

  return command;
}

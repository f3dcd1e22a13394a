/**
 * `hearth page create|fan|add-app`: pages, as an operator seeds them. People are named by uid or
 * e-mail address, pages by page_id or username, apps by app_id or api_key.
 *
 *   hearth page create --name "Hearth Quartet" --admin ada@example.org --username hearthquartet --type musicians
 *   hearth page fan hearthquartet bob@example.org
 *   hearth page add-app 400000001 100001
 */
import { Command, Option } from 'commander';
import type { Services } from '../../features/feature.js';
import { DEFAULT_PAGE_TYPE, USERNAME_PATTERN } from '../../features/pages/page-service.js';
import { PAGE_TYPES, type Page, type PageType } from '../../features/pages/records.js';
import type { Person } from '../../features/people/records.js';
import { CliError, dbOption, findPerson, formatFields, jsonOption, printJson, withStore } from '../cli-support.js';

const label = (person: Person) => `${person.firstName} ${person.lastName} (${person.uid})`;
const pageLabel = (page: Page) => `${page.name} (${page.pageId})`;

function typeOf(given: string): PageType {
  const type = given.trim().toUpperCase();
  if (!(PAGE_TYPES as readonly string[]).includes(type)) throw new CliError(`--type: ${JSON.stringify(given)} is not a page type (${PAGE_TYPES.join(', ')})`);
  return type as PageType;
}

async function findPage(services: Services, given: string): Promise<Page> {
  const [page] = /^\d{1,15}$/.test(given) ? await services.pages.byIds([Number(given)]) : await services.pages.byUsernames([given]);
  if (page === undefined) throw new CliError(`no page with page_id or username ${JSON.stringify(given)}`);
  return page;
}

export function pageCommand(): Command {
  const command = new Command('page').description('make pages, their fans and the apps they added');

  command
    .command('create')
    .description('make a page; prints its page_id')
    .requiredOption('--name <name>', "the page's name")
    .requiredOption('--admin <person>', 'who runs it (uid or e-mail)')
    .addOption(new Option('--username <username>', 'its short name: letters, digits and dots'))
    .addOption(new Option('--type <type>', `its type, e.g. musicians, consumer_products`).default(DEFAULT_PAGE_TYPE.toLowerCase()))
    .addOption(new Option('--website <url>', 'its website').default(''))
    .addOption(jsonOption())
    .addOption(dbOption())
    .action(async (options: { name: string; admin: string; username?: string; type: string; website: string; json?: boolean; db: string }) =>
      withStore(options.db, async (_store, services) => {
        const name = options.name.trim();
        if (name === '') throw new CliError('--name: the page needs a name');
        const type = typeOf(options.type);
        const username = options.username?.trim();
        if (username !== undefined && !USERNAME_PATTERN.test(username)) throw new CliError(`--username: ${JSON.stringify(options.username)} is not letters, digits and dots (at most 50)`);
        if (username !== undefined && /^\d+$/.test(username)) throw new CliError('--username: a username of digits only would read as a page_id');
        if (username !== undefined && (await services.pages.byUsernames([username])).length > 0) throw new CliError(`--username: another page is called ${username} already`);
        const admin = await findPerson(services, options.admin);
        const page = await services.pages.create({ name, admin: admin.uid, username, type, website: options.website.trim() });
        if (options.json) return printJson({ page_id: page.pageId, name: page.name, username: page.username, type: page.type, admin: admin.uid });
        process.stdout.write(`${page.pageId}\n`);
      }),
    );

  command
    .command('fan <page> <person>')
    .description('make a person (uid or e-mail) a fan of a page (page_id or username)')
    .addOption(dbOption())
    .action(async (given: string, who: string, options: { db: string }) =>
      withStore(options.db, async (_store, services) => {
        const page = await findPage(services, given);
        const person = await findPerson(services, who);
        await services.pages.addFan(page.pageId, person.uid);
        process.stdout.write(`${formatFields([['page', pageLabel(page)], ['fan', label(person)]])}\n`);
      }),
    );

  command
    .command('add-app <page> <app>')
    .description('the page (page_id or username) adds an app (app_id or api_key): has_added_app, pages.isAppAdded')
    .addOption(dbOption())
    .action(async (given: string, appName: string, options: { db: string }) =>
      withStore(options.db, async (_store, services) => {
        const page = await findPage(services, given);
        const app = await services.apps.find(appName);
        await services.pages.addApp(page.pageId, app.appId);
        process.stdout.write(`${formatFields([['page', pageLabel(page)], ['app', `${app.name} (${app.appId})`]])}\n`);
      }),
    );

  return command;
}

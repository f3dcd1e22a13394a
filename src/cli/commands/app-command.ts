/** `hearth app create|list|show|update`: registering and administering apps. */
import { Command, Option } from 'commander';
import { parseCidrList } from '../../services/address-allow-list.js';
import { parseAppType, parseRateLimit } from '../../services/app-service.js';
import type { App } from '../../store/store.js';
import { CliError, dbOption, formatFields, formatTable, jsonOption, printJson, withStore } from '../cli-support.js';

function appJson(app: App) {
  return {
    app_id: app.appId,
    api_key: app.apiKey,
    secret: app.secret,
    name: app.name,
    type: app.type,
    callback_url: app.callbackUrl,
    allowed_addresses: app.allowedAddresses,
    rate_limit: app.rateLimit && { requests: app.rateLimit.requests, window_seconds: app.rateLimit.windowSeconds },
    created_at: app.createdAt.toISOString(),
  };
}

function describeApp(app: App): string {
  return formatFields([
    ['app_id', String(app.appId)],
    ['name', app.name],
    ['type', app.type],
    ['api_key', app.apiKey],
    ['secret', app.secret],
    ['callback_url', app.callbackUrl ?? '(none)'],
    ['allowed_addresses', app.allowedAddresses.length ? app.allowedAddresses.join(', ') : '(any)'],
    ['rate_limit', app.rateLimit ? `${app.rateLimit.requests} requests per ${app.rateLimit.windowSeconds} s` : '(none)'],
  ]);
}

function show(app: App, json: boolean | undefined): void {
  if (json) printJson(appJson(app));
  else process.stdout.write(`${describeApp(app)}\n`);
}

const typeOption = () => new Option('--type <type>', 'web or desktop').argParser(parseAppType);
const callbackOption = () => new Option('--callback-url <url>', 'where people return after signing in (http or https)');
const addressesOption = () =>
  new Option('--allowed-ips <cidrs>', 'comma-separated addresses or CIDR blocks the app may call from; "none" allows any').argParser(parseCidrList);
const rateLimitOption = () => new Option('--rate-limit <requests/seconds>', 'e.g. 1000/3600; "none" removes the limit').argParser(parseRateLimit);

export function appCommand(): Command {
  const command = new Command('app').description('register and administer apps');

  command
    .command('create')
    .description('register an app and print its app_id, api_key and secret')
    .requiredOption('--name <name>', 'the name people see when they sign in')
    .addOption(typeOption().makeOptionMandatory())
    .addOption(callbackOption())
    .addOption(addressesOption())
    .addOption(rateLimitOption())
    .addOption(jsonOption())
    .addOption(dbOption())
    .action(async (options) =>
      withStore(options.db, async (_store, services) => {
        const app = await services.apps.register({
          name: options.name,
          type: options.type,
          callbackUrl: options.callbackUrl ?? null,
          allowedAddresses: options.allowedIps,
          rateLimit: options.rateLimit,
        });
        show(app, options.json);
      }),
    );

  command
    .command('list')
    .description('list all apps')
    .addOption(jsonOption())
    .addOption(dbOption())
    .action(async (options) =>
      withStore(options.db, async (_store, services) => {
        const apps = await services.apps.list();
        if (options.json) return printJson(apps.map(appJson));
        if (apps.length === 0) return void process.stdout.write('No apps yet. Create one with: hearth app create --name NAME --type web\n');
        process.stdout.write(
          `${formatTable(
            ['APP_ID', 'TYPE', 'API_KEY', 'NAME'],
            apps.map((app) => [String(app.appId), app.type, app.apiKey, app.name]),
          )}\n`,
        );
      }),
    );

  command
    .command('show <app>')
    .description('show one app, named by app_id or api_key')
    .addOption(jsonOption())
    .addOption(dbOption())
    .action(async (idOrKey: string, options) => withStore(options.db, async (_store, services) => show(await services.apps.find(idOrKey), options.json)));

  command
    .command('update <app>')
    .description('change an app, named by app_id or api_key')
    .option('--name <name>', 'a new name')
    .addOption(typeOption())
    .addOption(callbackOption())
    .option('--no-callback-url', 'remove the callback URL')
    .addOption(addressesOption())
    .addOption(rateLimitOption())
    .option('--new-secret', 'replace the secret; calls signed with the old one fail from now on')
    .addOption(jsonOption())
    .addOption(dbOption())
    .action(async (idOrKey: string, options) => {
      const changing = ['name', 'type', 'callbackUrl', 'allowedIps', 'rateLimit', 'newSecret'].some((key) => options[key] !== undefined);
      if (!changing) throw new CliError('nothing to change: give at least one of --name, --type, --callback-url, --no-callback-url, --allowed-ips, --rate-limit, --new-secret');
      return withStore(options.db, async (_store, services) => {
        const app = await services.apps.update(idOrKey, {
          name: options.name,
          type: options.type,
          // Commander sets callbackUrl to false for --no-callback-url.
          callbackUrl: options.callbackUrl === false ? null : options.callbackUrl,
          allowedAddresses: options.allowedIps,
          rateLimit: options.rateLimit,
          newSecret: options.newSecret === true,
        });
        show(app, options.json);
      });
    });

  return command;
}

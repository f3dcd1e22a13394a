/** `hearth app create|list|show|update`: registering and administering apps. */
import { Command, Option } from 'commander';
import { parseCidrList } from '../../dispatch/address-allow-list.js';
import { parseAppType, parseRateLimit } from '../../features/apps/app-service.js';
import type { App } from '../../features/apps/records.js';
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
    post_authorize_url: app.postAuthorizeUrl,
    post_remove_url: app.postRemoveUrl,
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
    ['post_authorize_url', app.postAuthorizeUrl ?? '(none)'],
    ['post_remove_url', app.postRemoveUrl ?? '(none)'],
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
const postAuthorizeOption = () => new Option('--post-authorize-url <url>', 'receives a signed POST when a person authorizes the app');
const postRemoveOption = () => new Option('--post-remove-url <url>', 'receives a signed POST when a person removes the app');
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
    .addOption(postAuthorizeOption())
    .addOption(postRemoveOption())
    .addOption(jsonOption())
    .addOption(dbOption())
    .action(async (options) =>
      withStore(options.db, async (_store, services) => {
        const app = await services.apps.register({
          postAuthorizeUrl: options.postAuthorizeUrl,
          postRemoveUrl: options.postRemoveUrl,
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
    .addOption(postAuthorizeOption())
    .option('--no-post-authorize-url', 'stop the post-authorize callback')
    .addOption(postRemoveOption())
    .option('--no-post-remove-url', 'stop the post-remove callback')
    .option('--new-secret', 'replace the secret; calls signed with the old one fail from now on')
    .addOption(jsonOption())
    .addOption(dbOption())
    .action(async (idOrKey: string, options) => {
      const changing = ['name', 'type', 'callbackUrl', 'allowedIps', 'rateLimit', 'postAuthorizeUrl', 'postRemoveUrl', 'newSecret'].some(
        (key) => options[key] !== undefined,
      );
      if (!changing) {
        throw new CliError(
          'nothing to change: give at least one of --name, --type, --callback-url, --allowed-ips, --rate-limit, --post-authorize-url, --post-remove-url, --new-secret',
        );
      }
      return withStore(options.db, async (_store, services) => {
        const app = await services.apps.update(idOrKey, {
          name: options.name,
          type: options.type,
          // Commander sets callbackUrl to false for --no-callback-url.
          callbackUrl: options.callbackUrl === false ? null : options.callbackUrl,
          postAuthorizeUrl: options.postAuthorizeUrl === false ? null : options.postAuthorizeUrl,
          postRemoveUrl: options.postRemoveUrl === false ? null : options.postRemoveUrl,
          allowedAddresses: options.allowedIps,
          rateLimit: options.rateLimit,
          newSecret: options.newSecret === true,
        });
        show(app, options.json);
      });
    });

  return command;
}

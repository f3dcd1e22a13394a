/** `hearth app create|list|show|update|canvas-settings|developer`: registering and administering apps, and the canvas proxy's settings. */
import { Command, Option } from 'commander';
import { parseCidrList } from '../../dispatch/address-allow-list.js';
import { parseAppType, parseRateLimit } from '../../features/apps/app-service.js';
import type { App } from '../../features/apps/records.js';
import { formatNetworks } from '../../features/canvas/callback-address.js';
import { parseCanvasMode, type CanvasMode } from '../../features/canvas/canvas-service.js';
import type { CanvasSettings } from '../../features/canvas/canvas-settings.js';
import type { Services } from '../../features/feature.js';
import { appDeveloperCommand } from './app-developer-command.js';
import { CliError, dbOption, formatFields, formatTable, jsonOption, printJson, withStore } from '../cli-support.js';

function appJson(app: App, mode: CanvasMode) {
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
    canvas_name: app.canvasName,
    canvas_type: mode,
    created_at: app.createdAt.toISOString(),
  };
}

function describeApp(app: App, mode: CanvasMode): string {
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
    ['canvas_name', app.canvasName ?? '(none)'],
    ['canvas_type', mode],
  ]);
}

async function show(services: Services, app: App, json: boolean | undefined): Promise<void> {
  const { mode } = await services.canvas.appSettings(app);
  if (json) printJson(appJson(app, mode));
  else process.stdout.write(`${describeApp(app, mode)}\n`);
}

const typeOption = () => new Option('--type <type>', 'web or desktop').argParser(parseAppType);
const callbackOption = () => new Option('--callback-url <url>', 'where people return after signing in (http or https)');
const addressesOption = () =>
  new Option('--allowed-ips <cidrs>', 'comma-separated addresses or CIDR blocks the app may call from; "none" allows any').argParser(parseCidrList);
const postAuthorizeOption = () => new Option('--post-authorize-url <url>', 'receives a signed POST when a person authorizes the app');
const postRemoveOption = () => new Option('--post-remove-url <url>', 'receives a signed POST when a person removes the app');
const rateLimitOption = () => new Option('--rate-limit <requests/seconds>', 'e.g. 1000/3600; "none" removes the limit').argParser(parseRateLimit);
const canvasNameOption = () => new Option('--canvas-name <name>', 'its canvas pages are /apps/NAME/ (3-32 of a-z, 0-9, _ and -)');
const canvasTypeOption = () => new Option('--canvas-type <type>', 'how its canvas pages render: fbml (fetched and rendered by Hearth) or iframe').argParser(parseCanvasMode);

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
    .addOption(canvasNameOption())
    .addOption(canvasTypeOption())
    .addOption(jsonOption())
    .addOption(dbOption())
    .action(async (options) =>
      withStore(options.db, async (_store, services) => {
        if (options.canvasName !== undefined) await services.canvas.checkName(options.canvasName, options.type);
        const registered = await services.apps.register({
          postAuthorizeUrl: options.postAuthorizeUrl,
          postRemoveUrl: options.postRemoveUrl,
          name: options.name,
          type: options.type,
          callbackUrl: options.callbackUrl ?? null,
          allowedAddresses: options.allowedIps,
          rateLimit: options.rateLimit,
        });
        const app = await services.canvas.configure(registered, { canvasName: options.canvasName, mode: options.canvasType });
        await show(services, app, options.json);
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
        if (options.json) return printJson(await Promise.all(apps.map(async (app) => appJson(app, (await services.canvas.appSettings(app)).mode))));
        if (apps.length === 0) return void process.stdout.write('No apps yet. Create one with: hearth app create --name NAME --type web\n');
        process.stdout.write(
          `${formatTable(
            ['APP_ID', 'TYPE', 'API_KEY', 'CANVAS', 'NAME'],
            apps.map((app) => [String(app.appId), app.type, app.apiKey, app.canvasName ?? '-', app.name]),
          )}\n`,
        );
      }),
    );

  command
    .command('show <app>')
    .description('show one app, named by app_id or api_key')
    .addOption(jsonOption())
    .addOption(dbOption())
    .action(async (idOrKey: string, options) => withStore(options.db, async (_store, services) => show(services, await services.apps.find(idOrKey), options.json)));

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
    .addOption(canvasNameOption())
    .option('--no-canvas-name', 'remove the canvas pages')
    .addOption(canvasTypeOption())
    .option('--yes', 'confirm a change of canvas name (links to the old name stop working)')
    .addOption(jsonOption())
    .addOption(dbOption())
    .action(async (idOrKey: string, options) => {
      const changing = ['name', 'type', 'callbackUrl', 'allowedIps', 'rateLimit', 'postAuthorizeUrl', 'postRemoveUrl', 'newSecret', 'canvasName', 'canvasType'].some(
        (key) => options[key] !== undefined,
      );
      if (!changing) {
        throw new CliError(
          'nothing to change: give at least one of --name, --type, --callback-url, --allowed-ips, --rate-limit, --post-authorize-url, --post-remove-url, --new-secret, --canvas-name, --canvas-type',
        );
      }
      return withStore(options.db, async (_store, services) => {
        // Commander sets canvasName to false for --no-canvas-name.
        const canvasName: string | null | undefined = options.canvasName === false ? null : options.canvasName;
        const current = await services.apps.find(idOrKey);
        if (canvasName !== undefined) {
          await services.canvas.checkName(canvasName, options.type ?? current.type, current.appId);
          if (current.canvasName !== null && canvasName?.trim().toLowerCase() !== current.canvasName && !options.yes) {
            throw new CliError(`app ${current.appId} has the canvas name ${current.canvasName}; links to /apps/${current.canvasName}/ will stop working. Add --yes to change it`);
          }
        }
        const updated = await services.apps.update(idOrKey, {
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
        const app = await services.canvas.configure(updated, { canvasName, mode: options.canvasType });
        await show(services, app, options.json);
      });
    });

  command
    .command('canvas-settings')
    .description("show or change how Hearth fetches apps' canvas pages")
    .option('--timeout <seconds>', 'how long to wait for an app before showing an error page (default 12)', (text) => Number(text))
    .option('--private-networks <cidrs>', 'loopback or private networks app servers may be on, comma-separated; "none": public addresses only')
    .addOption(jsonOption())
    .addOption(dbOption())
    .action(async (options) =>
      withStore(options.db, async (_store, services) => {
        const changes = { timeoutMs: options.timeout === undefined ? undefined : Math.round(options.timeout * 1000), privateNetworks: options.privateNetworks };
        const settings = changes.timeoutMs === undefined && changes.privateNetworks === undefined ? await services.canvas.settings() : await services.canvas.changeSettings(changes);
        showCanvasSettings(settings, options.json);
      }),
    );

  command.addCommand(appDeveloperCommand());

  return command;
}

function showCanvasSettings(settings: CanvasSettings, json: boolean | undefined): void {
  const networks = formatNetworks(settings.privateNetworks);
  if (json) return printJson({ timeout_seconds: settings.timeoutMs / 1000, private_networks: settings.privateNetworks.length === 0 ? [] : networks.split(',') });
  process.stdout.write(
    `${formatFields([
      ['timeout', `${settings.timeoutMs / 1000} s`],
      ['private_networks', networks === '' ? '(none: app servers must be on public addresses)' : networks],
    ])}\n`,
  );
}

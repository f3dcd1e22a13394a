/** `hearth serve`: the API server, with a demo app on first run. */
import { Command, Option } from 'commander';
import { DEFAULT_SERVER_CONFIG, type ServerConfig } from '../../config/server-config.js';
import { computeSignature } from '../../wire/signature.js';
import { parseCidrList } from '../../dispatch/address-allow-list.js';
import { DEMO_CALLBACK_PATH, seedDemoIfEmpty, type DemoData } from '../demo-seed.js';
import { describeLocation } from '../../db/open-database.js';
import { CliError, dbOption } from '../cli-support.js';
import { SIGNUP_MODES } from '../../features/accounts/signup-service.js';
import { MailSettingError, parseMailDomain, parsePublicUrl, parseSmtpUrl, type MailSettings } from '../../features/mail/mail-settings.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new CliError(`a port must be a number from 0 to 65535, not ${JSON.stringify(text)}`);
  return port;
}

function parseBytes(text: string): number {
  const bytes = Number(text);
  if (!/^\d+$/.test(text) || bytes < 1024) throw new CliError(`--body-limit must be a number of bytes, at least 1024`);
  return bytes;
}

function listenFailure(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE') return 'the port is already in use (try --port)';
  if (code === 'EACCES') return 'permission denied (ports below 1024 need privileges)';
  if (code === 'EADDRNOTAVAIL') return 'this machine has no such address (try --host 127.0.0.1)';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'no such host name';
  return (error as Error)?.message ?? String(error);
}

/** A first call a newcomer can paste: signed with md5sum, so they see how signing works. */
function demoBanner(demo: DemoData, base: string): string {
  const params = { method: 'users.isAppUser', api_key: demo.app.apiKey, uid: String(demo.person.uid), v: '1.0' };
  const signed = Object.keys(params)
    .sort()
    .map((key) => `${key}=${params[key as keyof typeof params]}`)
    .join('');
  return [
    '',
    'This database was empty, so Hearth created a demo app and a demo person who uses it:',
    `  app       ${demo.app.name} (app_id ${demo.app.appId}, ${demo.app.type})`,
    `  api_key   ${demo.app.apiKey}`,
    `  secret    ${demo.app.secret}`,
    `  person    ${demo.person.firstName} ${demo.person.lastName} (uid ${demo.person.uid})`,
    `  login     ${demo.person.email} / ${demo.password}`,
    '',
    'A first signed call (is the demo person a user of the demo app?):',
    `  curl -s ${base}/restserver.php -d method=users.isAppUser -d api_key=${demo.app.apiKey} -d uid=${demo.person.uid} -d v=1.0 \\`,
    `    -d sig=$(printf '%s' '${signed}${demo.app.secret}' | md5sum | cut -c1-32)`,
    `  (the sig is ${computeSignature(params, demo.app.secret)}; for JSON add -d format=json and sign it too, between api_key and method)`,
    '',
    'Sign in to the demo app in a browser; its callback page shows the session it gets:',
    `  ${base}/login.php?api_key=${demo.app.apiKey}&v=1.0`,
    '',
  ].join('\n');
}

export function serveCommand(): Command {
  return new Command('serve')
    .description('run the API server')
    .addOption(new Option('--host <host>', 'address to listen on').env('HEARTH_HOST').default(DEFAULT_SERVER_CONFIG.host))
    .addOption(new Option('--port <port>', 'port to listen on (0 picks a free one)').env('HEARTH_PORT').default(String(DEFAULT_SERVER_CONFIG.port)))
    .addOption(dbOption())
    .option('--dev', 'developer mode: error 104 shows the string the server expected to be signed', false)
    .addOption(
      new Option('--trust-proxy <cidrs>', 'reverse proxies (addresses or CIDR blocks) whose X-Forwarded-For is believed').env('HEARTH_TRUST_PROXY'),
    )
    .addOption(new Option('--body-limit <bytes>', 'largest request body accepted (besides an uploaded file)').default(String(DEFAULT_SERVER_CONFIG.bodyLimit)))
    .addOption(new Option('--upload-limit <bytes>', 'largest file an upload (photos.upload) may carry').default(String(DEFAULT_SERVER_CONFIG.uploadLimit)))
    .addOption(new Option('--log-level <level>', 'fatal, error, warn, info, debug or silent').env('HEARTH_LOG_LEVEL').default(DEFAULT_SERVER_CONFIG.logLevel))
    .option('--no-demo', 'do not create the demo app and person on an empty database')
    .addOption(new Option('--session-lifetime <seconds>', 'lifetime of API sessions (expires is rounded up to the hour)').default(String(DEFAULT_SERVER_CONFIG.sessionLifetimeSeconds)))
    .addOption(new Option('--token-lifetime <seconds>', 'how long an auth_token stays usable').default(String(DEFAULT_SERVER_CONFIG.tokenLifetimeSeconds)))
    .addOption(new Option('--tls-port <port>', 'also serve https on this port (needs --tls-cert and --tls-key)').env('HEARTH_TLS_PORT'))
    .addOption(new Option('--tls-cert <file>', 'certificate chain for https (PEM)').env('HEARTH_TLS_CERT'))
    .addOption(new Option('--tls-key <file>', 'private key for https (PEM)').env('HEARTH_TLS_KEY'))
    .addOption(
      new Option('--desktop-https <rule>', 'desktop apps must call auth.getSession over https: auto (when TLS is served), required, off')
        .choices(['auto', 'required', 'off'])
        .default(DEFAULT_SERVER_CONFIG.desktopHttps),
    )
    .addOption(
      new Option('--proxy-port <port>', "also open an HTTP proxy on this port that answers for the platform's host names (api.facebook.com, www.facebook.com …) and forwards nothing else").env(
        'HEARTH_PROXY_PORT',
      ),
    )
    .addOption(new Option('--redis <url>', 'count rate limits in Redis (redis://host:6379), shared by every instance').env('HEARTH_REDIS'))
    .addOption(new Option('--smtp <url>', 'relay that sends e-mail: smtp://host:25 or smtps://user:password@host:465 (without it mail waits in the outbox)').env('HEARTH_SMTP_URL'))
    .addOption(new Option('--mail-domain <domain>', "domain of the sender addresses apps@… and noreply@… (default: this machine's name, or hearth.localhost)"))
    .addOption(new Option('--public-url <url>', 'the address people reach Hearth at (https://hearth.example.org), for the links in mail; without it a link names the host the request came to').env('HEARTH_PUBLIC_URL'))
    .addOption(
      new Option('--signup <mode>', 'who may sign up at /r.php: open, invite (hearth user invite) or closed; stored, so without it the last mode set stays (closed at first)').choices([
        ...SIGNUP_MODES,
      ]),
    )
    .option('--no-migrate', 'do not apply pending migrations at start (run hearth migrate instead)')
    .addOption(new Option('--request-timeout <seconds>', 'a request (headers and body) must arrive within this time').default(String(DEFAULT_SERVER_CONFIG.requestTimeoutSeconds)))
    .addOption(new Option('--headers-timeout <seconds>', 'the request line and headers must arrive within this time').default(String(DEFAULT_SERVER_CONFIG.headersTimeoutSeconds)))
    .addOption(
      new Option('--max-connections-per-address <n>', 'open connections one client address may hold (0: no limit; trusted proxies are not counted)').default(
        String(DEFAULT_SERVER_CONFIG.maxConnectionsPerAddress),
      ),
    )
    .action(async (options) => {
      const config = readServeOptions(options);
      // Loaded here, not at the top, so the administration commands start without the server's weight.
      const { runServer, ListenError } = await import('../../http/run-server.js');
      let running;
      try {
        running = await runServer(config);
      } catch (error) {
        if (error instanceof ListenError) throw new CliError(`${error.message}: ${listenFailure(error.cause)}`);
        throw error;
      }
      const base = running.httpUrl;
      const demo = options.demo ? await seedDemoIfEmpty(running.store, running.services, `${base}${DEMO_CALLBACK_PATH}`) : undefined;
      process.stdout.write(`Hearth is serving the REST API at ${base}/restserver.php (database ${describeLocation(config.db)})\n`);
      if (running.httpsUrl) process.stdout.write(`and over https at ${running.httpsUrl}/restserver.php\n`);
      if (running.proxyUrl) process.stdout.write(`Clients run with http_proxy=${running.proxyUrl} reach it as http://api.facebook.com/restserver.php\n`);
      process.stdout.write(`People sign in to apps at ${base}/login.php?api_key=… and manage them at ${base}/editapps.php\n`);
      // Without a relay nothing is said: mail waits in the outbox (hearth mail list), as it always did.
      if (running.services.mail.relay) process.stdout.write(`E-mail goes out through ${running.services.mail.relay}, from @${running.services.mail.domain}\n`);
      if (options.signup) await running.services.signUps.setMode(options.signup);
      const signup = await running.services.signUps.mode();
      if (signup !== 'closed') process.stdout.write(`People sign up at ${base}/r.php (${signup === 'open' ? 'open to anyone' : 'by invitation: hearth user invite'})\n`);
      if (demo) process.stdout.write(`${demoBanner(demo, base)}\n`);
      if (config.dev) process.stdout.write('Developer mode: signature errors show the expected signed string.\n');

      const stop = async () => {
        await running.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}

function parseSeconds(text: string, flag: string): number {
  const seconds = Number(text);
  if (!/^\d+$/.test(text) || seconds < 60 || seconds > 10 * 365 * 86_400) throw new CliError(`${flag} must be a number of seconds from 60 up`);
  return seconds;
}

function parseCount(text: string, flag: string): number {
  const count = Number(text);
  if (!/^\d+$/.test(text) || count > 1_000_000) throw new CliError(`${flag} must be a whole number (0 for no limit)`);
  return count;
}

function readTimeouts(options: Record<string, any>): Pick<ServerConfig, 'requestTimeoutSeconds' | 'headersTimeoutSeconds'> {
  const seconds = (text: string, flag: string) => {
    const value = Number(text);
    if (!/^\d+$/.test(text) || value < 1 || value > 3600) throw new CliError(`${flag} must be a number of seconds from 1 to 3600`);
    return value;
  };
  const requestTimeoutSeconds = seconds(options.requestTimeout, '--request-timeout');
  const headersTimeoutSeconds = seconds(options.headersTimeout, '--headers-timeout');
  if (headersTimeoutSeconds > requestTimeoutSeconds) throw new CliError('--headers-timeout must not be longer than --request-timeout');
  return { requestTimeoutSeconds, headersTimeoutSeconds };
}

function readServeOptions(options: Record<string, any>): ServerConfig {
  const trusted = options.trustProxy ? parseCidrList(options.trustProxy) : [];
  const tlsGiven = [options.tlsPort, options.tlsCert, options.tlsKey].filter((value) => value !== undefined).length;
  if (tlsGiven !== 0 && tlsGiven !== 3) throw new CliError('https needs all three of --tls-port, --tls-cert and --tls-key');
  if (!LOG_LEVELS.includes(options.logLevel)) throw new CliError(`--log-level must be one of ${LOG_LEVELS.join(', ')}`);
  return {
    host: options.host,
    port: parsePort(options.port),
    db: options.db,
    dev: options.dev === true,
    trustProxy: trusted.length > 0 ? trusted : false,
    bodyLimit: parseBytes(options.bodyLimit),
    uploadLimit: parseBytes(options.uploadLimit),
    logLevel: options.logLevel,
    sessionLifetimeSeconds: parseSeconds(options.sessionLifetime, '--session-lifetime'),
    tokenLifetimeSeconds: parseSeconds(options.tokenLifetime, '--token-lifetime'),
    ...(options.proxyPort !== undefined ? { proxyPort: parsePort(options.proxyPort) } : {}),
    tls: tlsGiven === 3 ? { port: parsePort(options.tlsPort), certFile: options.tlsCert, keyFile: options.tlsKey } : undefined,
    desktopHttps: options.desktopHttps,
    redis: options.redis,
    migrate: options.migrate !== false,
    ...readTimeouts(options),
    maxConnectionsPerAddress: parseCount(options.maxConnectionsPerAddress, '--max-connections-per-address'),
    mail: readMailOptions(options),
  };
}

function readMailOptions(options: Record<string, any>): MailSettings {
  try {
    return {
      ...(options.smtp ? { relay: parseSmtpUrl(options.smtp) } : {}),
      ...(options.mailDomain !== undefined ? { domain: parseMailDomain(options.mailDomain) } : {}),
      ...(options.publicUrl !== undefined ? { publicUrl: parsePublicUrl(options.publicUrl) } : {}),
    };
  } catch (error) {
    if (error instanceof MailSettingError) throw new CliError(error.message);
    throw error;
  }
}

/**
 * How Hearth sends mail (docs/mail.md, "Configuration"): the relay, from `hearth serve --smtp URL`
 * or HEARTH_SMTP_URL, and the domain of its sender addresses (`--mail-domain`). Both are checked
 * once, at start, so that a mistake is one line for the operator and not a failure at the first
 * sign-up.
 */
import { hostname } from 'node:os';

/** The relay, as nodemailer's SMTP transport takes it. */
export interface SmtpRelaySettings {
  readonly host: string;
  readonly port: number;
  /** TLS from the first byte (`smtps://`); otherwise STARTTLS when the relay offers it. */
  readonly secure: boolean;
  readonly auth: { readonly user: string; readonly pass: string } | undefined;
}

/** How long the relay may take, in milliseconds; a relay that takes longer has failed (the mail waits). */
export interface RelayTimeouts {
  readonly connectMs: number;
  readonly greetingMs: number;
  /** Silence on an open connection. */
  readonly socketMs: number;
}

export const DEFAULT_RELAY_TIMEOUTS: RelayTimeouts = { connectMs: 10_000, greetingMs: 10_000, socketMs: 30_000 };

/** ServiceOptions' `mail`: what `hearth serve` read. */
export interface MailSettings {
  /** Absent: mail only waits in the outbox. */
  readonly relay?: SmtpRelaySettings;
  /** The domain of `apps@…` and `noreply@…`. */
  readonly domain?: string;
  /**
   * The origin people reach Hearth at (`--public-url`), for the links in mail. Without it a link
   * is made on the origin of the request that caused the mail, which a request with a forged Host
   * header could choose (docs/mail.md, "Links in mail").
   */
  readonly publicUrl?: string;
  readonly timeouts?: RelayTimeouts;
}

/** A setting Hearth cannot use; its message is one line for the operator. */
export class MailSettingError extends Error {}

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

export function isDomainName(text: string): boolean {
  return DOMAIN.test(text);
}

/** `smtp://[user:pass@]host[:port]` (port 25 by default) or `smtps://…` (465). */
export function parseSmtpUrl(text: string): SmtpRelaySettings {
  const problem = (why: string) => new MailSettingError(`--smtp ${JSON.stringify(text)}: ${why}; write smtp://host:25 or smtps://user:password@host:465`);
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw problem('not a URL');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw problem(`the scheme must be smtp or smtps, not ${url.protocol.replace(/:$/, '')}`);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host === '') throw problem('no host name');
  if ((url.pathname !== '' && url.pathname !== '/') || url.search !== '' || url.hash !== '') throw problem('a relay URL has nothing after the host and port');
  const secure = url.protocol === 'smtps:';
  const user = decodeURIComponent(url.username);
  if (url.password !== '' && user === '') throw problem('a password needs a user name');
  return {
    host,
    port: url.port === '' ? (secure ? 465 : 25) : Number(url.port),
    secure,
    auth: user === '' ? undefined : { user, pass: decodeURIComponent(url.password) },
  };
}

/** `--mail-domain`: a host name, without `@` or a port. */
export function parseMailDomain(text: string): string {
  const domain = text.trim().toLowerCase();
  if (!isDomainName(domain)) throw new MailSettingError(`--mail-domain ${JSON.stringify(text)} is not a domain name (write e.g. hearth.example.org)`);
  return domain;
}

/** `--public-url`: an http or https origin (`https://hearth.example.org`, a port allowed, no path). */
export function parsePublicUrl(text: string): string {
  const problem = (why: string) => new MailSettingError(`--public-url ${JSON.stringify(text)}: ${why}; write e.g. https://hearth.example.org`);
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw problem('not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw problem(`the scheme must be http or https, not ${url.protocol.replace(/:$/, '')}`);
  if (url.username !== '' || url.password !== '') throw problem('a public URL has no user name or password');
  if ((url.pathname !== '' && url.pathname !== '/') || url.search !== '' || url.hash !== '') throw problem('a public URL has nothing after the host and port');
  return url.origin;
}

/**
 * Without `--mail-domain`: the machine's own name when it is a full domain name (has a dot), else
 * `hearth.localhost`, which no relay will mistake for someone else's domain.
 */
export function defaultMailDomain(machineName: string = hostname()): string {
  const name = machineName.trim().toLowerCase();
  return name.includes('.') && isDomainName(name) ? name : 'hearth.localhost';
}

/** The relay as the operator may see it in logs and lists: without the password. */
export function describeRelay(relay: SmtpRelaySettings): string {
  return `${relay.secure ? 'smtps' : 'smtp'}://${relay.auth ? `${relay.auth.user}@` : ''}${relay.host.includes(':') ? `[${relay.host}]` : relay.host}:${relay.port}`;
}

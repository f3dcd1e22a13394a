/** Settings of `hearth serve`, validated once at start-up. */

export interface ServerConfig {
  readonly host: string;
  readonly port: number;
  /** Where the store lives: `sqlite:PATH` or `postgres://…`. */
  readonly db: string;
  /** Developer mode: error 104 shows what the server expected to be signed. */
  readonly dev: boolean;
  /**
   * Which peers may set X-Forwarded-For: `false` (use the socket address), or addresses/CIDR
   * blocks of trusted reverse proxies. Decides the address that per-app allow-lists see.
   */
  readonly trustProxy: false | readonly string[];
  /** Largest accepted request body, in bytes (besides an uploaded file). */
  readonly bodyLimit: number;
  /** Largest file a multipart request may carry (photos.upload's image), in bytes. */
  readonly uploadLimit: number;
  readonly logLevel: string;
  /** Lifetime of temporary API sessions, in seconds (expires is then rounded up to the hour). */
  readonly sessionLifetimeSeconds: number;
  /** How long an auth token stays usable, in seconds. */
  readonly tokenLifetimeSeconds: number;
  /** https beside http: the port and the PEM files; absent for http only. */
  readonly tls: { readonly port: number; readonly certFile: string; readonly keyFile: string } | undefined;
  /**
   * Whether desktop apps must call auth.getSession over https, as the platform told them to:
   * `auto` requires it when this server serves TLS (or sits behind a trusted proxy that says so).
   */
  readonly desktopHttps: 'auto' | 'required' | 'off';
  /** Redis URL to count rate limits in; otherwise PostgreSQL deployments count in the store, SQLite in memory. */
  readonly redis: string | undefined;
  /** Apply pending migrations at start (default); off when `hearth migrate` is run as a separate step. */
  readonly migrate: boolean;
  /** A request's headers and body must have arrived within this many seconds; then the connection is answered and closed. */
  readonly requestTimeoutSeconds: number;
  /** The request line and headers must have arrived within this many seconds. */
  readonly headersTimeoutSeconds: number;
  /** Open connections one client address may hold at once (0: no limit); trusted proxies are not counted. */
  readonly maxConnectionsPerAddress: number;
  /** Also open an HTTP forward proxy on this port that answers for the platform's host names (api.facebook.com …) and nothing else. */
  readonly proxyPort?: number;
  /** The SMTP relay and the sender domain; without a relay, mail waits in the outbox. */
  readonly mail?: import('../features/mail/mail-settings.js').MailSettings;
}

export const DEFAULT_SERVER_CONFIG: Omit<ServerConfig, 'db'> = {
  host: '127.0.0.1',
  port: 8080,
  dev: false,
  trustProxy: false,
  bodyLimit: 1024 * 1024,
  uploadLimit: 15 * 1024 * 1024,
  logLevel: 'info',
  sessionLifetimeSeconds: 86_400,
  tokenLifetimeSeconds: 3_600,
  tls: undefined,
  desktopHttps: 'auto',
  redis: undefined,
  migrate: true,
  requestTimeoutSeconds: 30,
  headersTimeoutSeconds: 10,
  maxConnectionsPerAddress: 256,
};

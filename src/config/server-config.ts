/** Settings of `hearth serve`, validated once at start-up. */

export interface ServerConfig {
  readonly host: string;
  readonly port: number;
  /** Where the store lives: `sqlite:PATH`. */
  readonly db: string;
  /** Developer mode: error 104 shows what the server expected to be signed. */
  readonly dev: boolean;
  /**
   * Which peers may set X-Forwarded-For: `false` (use the socket address), or addresses/CIDR
   * blocks of trusted reverse proxies. Decides the address that per-app allow-lists see.
   */
  readonly trustProxy: false | readonly string[];
  /** Largest accepted request body, in bytes. */
  readonly bodyLimit: number;
  readonly logLevel: string;
}

export const DEFAULT_SERVER_CONFIG: Omit<ServerConfig, 'db'> = {
  host: '127.0.0.1',
  port: 8080,
  dev: false,
  trustProxy: false,
  bodyLimit: 1024 * 1024,
  logLevel: 'info',
};

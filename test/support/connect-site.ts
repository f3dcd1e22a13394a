/**
 * A small Connect site for the tests, on a port of its own under `localhost` (another site than
 * Hearth's 127.0.0.1): its page loads the Connect library from Hearth, puts a login button and
 * fb:name on the page, and says on the server side who the `APIKEY_*` cookies name, checked as the
 * PHP client's `get_valid_fb_params($_COOKIE, null, $api_key)` checks them; `/xd_receiver.htm` is
 * the receiver page every Connect site hosts.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';

/** The `session` JSON of a Connect hand-over, as a site reads it (docs/connect.md). */
export interface ConnectSessionJson {
  session_key: string;
  uid: string;
  expires: number;
  secret?: string;
  sig: string;
  base_domain?: string;
}

export interface ConnectSiteServer {
  readonly origin: string;
  close(): Promise<void>;
}

export interface ConnectSiteOptions {
  readonly hearthUrl: string;
  readonly apiKey: string;
  readonly secret: string;
}

function cookiesOf(header: string | undefined): Map<string, string> {
  const jar = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at < 0) continue;
    // PHP URL-decodes cookie values into $_COOKIE.
    jar.set(part.slice(0, at).trim(), decodeURIComponent(part.slice(at + 1).trim()));
  }
  return jar;
}

/**
 * The PHP client's check: every cookie named `KEY_*`, the prefix stripped, sorted, `name=value`
 * concatenated, the app secret appended, MD5, compared with the `KEY` cookie; no age check.
 */
export function validFbParams(cookies: ReadonlyMap<string, string>, apiKey: string, secret: string): Record<string, string> | undefined {
  const prefix = `${apiKey}_`;
  const params: Record<string, string> = {};
  for (const [name, value] of cookies) if (name.startsWith(prefix)) params[name.slice(prefix.length)] = value;
  const expected = cookies.get(apiKey);
  if (expected === undefined || Object.keys(params).length === 0) return undefined;
  const base = Object.keys(params)
    .sort()
    .map((name) => `${name}=${params[name]}`)
    .join('');
  return createHash('md5').update(base + secret).digest('hex') === expected ? params : undefined;
}

function sitePage(options: ConnectSiteOptions, viewer: string): string {
  return `<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:fb="http://www.facebook.com/2008/fbml">
<head><title>Run Around</title></head>
<body>
<p id="server-view">${viewer}</p>
<fb:login-button length="long" autologoutlink="true" onlogin="window.location.reload()"></fb:login-button>
<p>Hello, <span id="greeting"><fb:name uid="loggedinuser" useyou="false" linked="false"></fb:name></span></p>
<fb:profile-pic uid="loggedinuser" size="square" facebook-logo="true"></fb:profile-pic>
<script type="text/javascript" src="${options.hearthUrl}/js/api_lib/v0.4/FeatureLoader.js.php"></script>
<script type="text/javascript">
  FB_RequireFeatures(["XFBML"], function () { FB.init(${JSON.stringify(options.apiKey)}, "/xd_receiver.htm"); });
</script>
</body>
</html>`;
}

function receiverPage(hearthUrl: string): string {
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><body>
<script src="${hearthUrl}/js/api_lib/v0.4/XdCommReceiver.js?2" type="text/javascript"></script>
</body></html>`;
}

export async function startConnectSite(options: ConnectSiteOptions): Promise<ConnectSiteServer> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    response.setHeader('content-type', 'text/html; charset=utf-8');
    if (path === '/xd_receiver.htm') return response.end(receiverPage(options.hearthUrl));
    if (path !== '/') {
      response.statusCode = 404;
      return response.end('not found');
    }
    const fb = validFbParams(cookiesOf(request.headers.cookie), options.apiKey, options.secret);
    response.end(sitePage(options, fb?.user ? `Signed in as uid ${fb.user}` : 'Nobody is signed in'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://localhost:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * auth.getSession with a code from /code_gen.php, on both stores, in XML and JSON: the session that
 * never expires in the infinite key shape, the secret for desktop programs only, offline_access as
 * users.hasAppPermission then answers it, single use, the 60-minute lifetime, a new code replacing
 * the older one, codes belonging to their app, and the budget of wrong codes that stops guessing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RestClientError, type SessionInfo } from '../../sdk/index.js';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { CODE_ALPHABET, CODE_POLICY } from '../../src/features/sessions/session-code-service.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { desktopClient, webClient } from '../support/sessions.js';
import { BACKENDS } from './stream.setup.js';

const NS = 'xmlns="http://api.facebook.com/1.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://api.facebook.com/1.0/ http://api.facebook.com/1.0/facebook.xsd"';
const UNUSABLE = 'Invalid parameter (auth_token: unknown, expired, already used, or nobody has signed in with it)';
const FORMATS = ['xml', 'json'] as const;

describe.each(BACKENDS)('$backend: auth.getSession with a code_gen.php code', ({ backend, skip }) => {
  let server: TestServer;
  let web: App;
  let desktop: App;

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ backend });
    [web, desktop] = [await server.createApp('web'), await server.createApp('desktop')];
  });
  afterAll(() => server?.close());

  /** A person who allowed `app`, and a code they made for it `ageMinutes` ago. */
  async function codeFor(app: App, ageMinutes = 0): Promise<{ person: Person; code: string }> {
    const person = await server.createPerson();
    await server.services.grants.authorize(person.uid, app);
    const made = await server.services.sessionCodes.generate(app, person.uid, new Date(Date.now() - ageMinutes * 60_000));
    return { person, code: made.code };
  }

  const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: RestClientError) => ({ code: error.code, message: error.message }));

  it.skipIf(skip)('xml: a desktop program gets a key of the infinite shape, expires 0 and a secret', async () => {
    const { person, code } = await codeFor(desktop);
    const answer = await server.client(desktop).callRaw('auth.getSession', { auth_token: code });
    const escaped = NS.replace(/[.?]/g, '\\$&');
    expect(answer.body).toMatch(
      new RegExp(
        `^<\\?xml version="1.0" encoding="UTF-8"\\?>\\n<auth_getSession_response ${escaped}>\\n  <session_key>3\\.[A-Za-z0-9_-]{22}__\\.0\\.0-${person.uid}</session_key>\\n` +
          `  <uid>${person.uid}</uid>\\n  <expires>0</expires>\\n  <secret>[0-9a-f]{32}</secret>\\n</auth_getSession_response>\\n$`,
      ),
    );
  });

  it.skipIf(skip)('json: a web app gets expires 0 and no secret, even when it asks for one', async () => {
    const { person, code } = await codeFor(web);
    const answer = await server.client(web).callRaw('auth.getSession', { auth_token: code, generate_session_secret: true }, { format: 'json' });
    expect(answer.body).toMatch(new RegExp(`^\\{"session_key":"3\\.[A-Za-z0-9_-]{22}__\\.0\\.0-${person.uid}","uid":${person.uid},"expires":0\\}$`));
  });

  describe.each(FORMATS)('%s', (format) => {
    it.skipIf(skip)('the desktop session signs with its secret, never expires, and offline_access is granted', async () => {
      const { person, code } = await codeFor(desktop);
      expect(await server.services.permissions.granted(person.uid, desktop)).toEqual([]);
      const session = await server.client(desktop, { format }).call('auth.getSession', { auth_token: code });
      expect(session).toMatchObject({ uid: person.uid, expires: 0 });
      const program = desktopClient(server, desktop, session, { format, useSessionSecret: true });
      expect(await program.call('users.getLoggedInUser', {})).toBe(person.uid);
      expect(await program.call('users.hasAppPermission', { ext_perm: 'offline_access' })).toBe(true);
      expect(await server.services.sessions.resolve(desktop, session.session_key, new Date(Date.now() + 400 * 86_400_000))).toMatchObject({ session: { uid: person.uid } });
    });

    it.skipIf(skip)('the web session is signed with the app secret and ends when offline_access is taken back', async () => {
      const { person, code } = await codeFor(web);
      const session: SessionInfo = await server.client(web, { format }).call('auth.getSession', { auth_token: code });
      const app = webClient(server, web, session, { format });
      expect(await app.call('users.getLoggedInUser', {})).toBe(person.uid);
      expect(await app.call('users.hasAppPermission', { ext_perm: 'offline_access' })).toBe(true);
      await app.call('auth.revokeExtendedPermission', { perm: 'offline_access' });
      expect((await failure(app.call('users.getLoggedInUser', {})))?.code).toBe(102);
    });

    it.skipIf(skip)('matches the code in any case, with spaces around it', async () => {
      const { person, code } = await codeFor(web);
      expect((await server.client(web, { format }).call('auth.getSession', { auth_token: ` ${code.toLowerCase()} ` })).uid).toBe(person.uid);
    });

    it.skipIf(skip)('takes a code once: the second exchange is the error of a used token', async () => {
      const { code } = await codeFor(desktop);
      const client = server.client(desktop, { format });
      await client.call('auth.getSession', { auth_token: code });
      expect(await failure(client.call('auth.getSession', { auth_token: code }))).toEqual({ code: 100, message: UNUSABLE });
    });

    it.skipIf(skip)('refuses a code after its 60 minutes, and takes one just before', async () => {
      const client = server.client(web, { format });
      expect(await failure(client.call('auth.getSession', { auth_token: (await codeFor(web, 61)).code }))).toEqual({ code: 100, message: UNUSABLE });
      const fresh = await codeFor(web, 59);
      expect((await client.call('auth.getSession', { auth_token: fresh.code })).uid).toBe(fresh.person.uid);
    });

    it.skipIf(skip)("a new code replaces the person's older unused one", async () => {
      const { person, code: older } = await codeFor(web);
      const newer = (await server.services.sessionCodes.generate(web, person.uid)).code;
      const client = server.client(web, { format });
      if (newer !== older) expect(await failure(client.call('auth.getSession', { auth_token: older }))).toEqual({ code: 100, message: UNUSABLE });
      expect((await client.call('auth.getSession', { auth_token: newer })).uid).toBe(person.uid);
    });

    it.skipIf(skip)("refuses another app's code and leaves it usable there", async () => {
      const { person, code } = await codeFor(desktop);
      expect(await failure(server.client(web, { format }).call('auth.getSession', { auth_token: code }))).toEqual({ code: 100, message: UNUSABLE });
      expect((await server.client(desktop, { format }).call('auth.getSession', { auth_token: code })).uid).toBe(person.uid);
    });

    it.skipIf(skip)('a code goes with the app when the person removes it', async () => {
      const { person, code } = await codeFor(web);
      await server.services.grants.revoke(person.uid, web, 'person');
      expect(await failure(server.client(web, { format }).call('auth.getSession', { auth_token: code }))).toEqual({ code: 100, message: UNUSABLE });
      expect(await server.services.permissions.granted(person.uid, web)).toEqual([]);
    });

    it.skipIf(skip)('does not use up a code on a call with a forged signature', async () => {
      const { person, code } = await codeFor(web);
      expect((await failure(server.client(web, { format, secret: 'f'.repeat(32) }).call('auth.getSession', { auth_token: code })))?.code).toBe(104);
      expect((await server.client(web, { format }).call('auth.getSession', { auth_token: code })).uid).toBe(person.uid);
    });
  });

  describe.each(FORMATS)('%s: guessing codes', (format) => {
    const budget = CODE_POLICY.wrongCodesPerWindow;
    /** `count` well-formed codes other than `except`, as a guesser would try them. */
    const guesses = (count: number, except: string) =>
      Array.from({ length: count + 1 }, (_, index) => `ZZ${[0, 1, 2, 3].map((digit) => CODE_ALPHABET[Math.floor(index / 32 ** digit) % 32]).join('')}`)
        .filter((guess) => guess !== except)
        .slice(0, count);

    it.skipIf(skip)(`after ${budget} wrong codes in a burst, every code of the app is refused with error 4, the right one too, and kept`, async () => {
      const app = await server.createApp('desktop');
      const { person, code } = await codeFor(app);
      const client = server.client(app, { format });
      const answers = await Promise.all(guesses(budget + 10, code).map((guess) => failure(client.call('auth.getSession', { auth_token: guess }))));
      expect(answers.filter((answer) => answer?.code === 100)).toHaveLength(budget);
      expect(answers.filter((answer) => answer?.code === 4)).toHaveLength(10);
      const refused = await failure(client.call('auth.getSession', { auth_token: code }));
      expect(refused?.code).toBe(4);
      expect(refused?.message).toMatch(/^Application request limit reached \(too many wrong code_gen\.php codes for this application; no code is taken for \d+ minutes?\)$/);
      expect(await server.store.sessionCodes.findFor(app.appId, person.uid, new Date())).toMatchObject({ code });
      // Another app's codes are not held up, nor are this app's other tokens.
      const other = await codeFor(web);
      expect((await server.client(web, { format }).call('auth.getSession', { auth_token: other.code })).uid).toBe(other.person.uid);
      const token = await server.services.sessions.issueToken(app, person.uid);
      expect((await client.call('auth.getSession', { auth_token: token })).uid).toBe(person.uid);
    });

    it.skipIf(skip)('a right code does not count against the budget', async () => {
      const app = await server.createApp('web');
      const { person, code } = await codeFor(app);
      const client = server.client(app, { format });
      const [last, overBudget, ...first] = guesses(budget + 1, code);
      for (const guess of first) expect((await failure(client.call('auth.getSession', { auth_token: guess })))?.code).toBe(100);
      expect((await client.call('auth.getSession', { auth_token: code })).uid).toBe(person.uid);
      expect((await failure(client.call('auth.getSession', { auth_token: last! })))?.code).toBe(100);
      expect((await failure(client.call('auth.getSession', { auth_token: overBudget! })))?.code).toBe(4);
    });
  });
});

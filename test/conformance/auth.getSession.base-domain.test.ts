/** auth.getSession with host_url: the app's base domain, last, only for a page inside it (docs/connect.md). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { hasPostgres } from '../support/postgres.js';
import { FORMATS, standardSetup, type TestServer } from '../support/test-server.js';

const STORES = [
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
];

for (const { backend, skip } of STORES) {
  describe.skipIf(skip)(`${backend}: auth.getSession host_url`, () => {
    let server: TestServer;
    let web: App;
    let person: Person;

    beforeAll(async () => {
      ({ server, web, person } = await standardSetup({ backend }));
      await server.services.appProperties.write(web, [['base_domain', 'example.com']]);
    });
    afterAll(() => server?.close());

    const exchange = async (format: string, hostUrl: string) =>
      server.client(web).callRaw('auth.getSession', { auth_token: await server.services.sessions.issueToken(web, person.uid), host_url: hostUrl }, { format });

    for (const format of FORMATS) {
      it(`${format}: names the base domain last for a page inside it`, async () => {
        const answer = await exchange(format, 'http://www.example.com/run/index.php');
        if (format === 'xml') expect(answer.body).toMatch(/<expires>\d+<\/expires>\n {2}<base_domain>example\.com<\/base_domain>\n<\/auth_getSession_response>/);
        else expect(Object.entries(JSON.parse(answer.body) as Record<string, unknown>).at(-1)).toEqual(['base_domain', 'example.com']);
      });

      it(`${format}: leaves it out for a page elsewhere`, async () => {
        for (const hostUrl of ['http://www.example.org/', 'http://notexample.com/', 'not a url']) {
          const answer = await exchange(format, hostUrl);
          expect(answer.status).toBe(200);
          expect(answer.body, hostUrl).not.toContain('base_domain');
          expect(answer.body).toContain('session_key');
        }
      });
    }
  });
}

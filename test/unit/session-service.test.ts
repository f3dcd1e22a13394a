import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices } from '../../src/platform.js';
import { type Services } from '../../src/features/feature.js';
import { SqliteStore } from '../../src/platform.js';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';

const DAY_MS = 86_400_000;

describe('session-service: lifetimes', () => {
  let store: SqliteStore;
  let services: Services;
  let app: App;
  let person: Person;

  beforeEach(async () => {
    store = SqliteStore.open(':memory:');
    services = createServices(store, { sessions: { sessionLifetimeSeconds: 3_600, tokenLifetimeSeconds: 600 } });
    app = await services.apps.register({ name: 'Clock', type: 'web', callbackUrl: 'http://clock.test/' });
    person = await services.people.register({ email: 'ada@example.org', password: 'correct horse', name: 'Ada Lovelace' });
    await store.authorizations.authorize(person.uid, app.appId);
  });
  afterEach(() => store.close());

  it('a temporary session ends after its configured lifetime, rounded up to the hour', async () => {
    const now = new Date('2026-01-01T10:20:00Z');
    const session = await services.sessions.createSession(app, person.uid, { withSecret: false }, now);
    expect(session.expiresAt).toEqual(new Date('2026-01-01T12:00:00Z'));
    expect(session.sessionKey).toMatch(new RegExp(`^3\\.[A-Za-z0-9_-]{22}__\\.3600\\.${Date.parse('2026-01-01T12:00:00Z') / 1000}-${person.uid}$`));
    expect(await services.sessions.resolve(app, session.sessionKey, new Date('2026-01-01T11:59:59Z'))).toEqual({ session });
    expect(await services.sessions.resolve(app, session.sessionKey, new Date('2026-01-01T12:00:00Z'))).toMatchObject({ problem: 'expired' });
  });

  it('an offline_access session outlives the default lifetime by far, until offline_access is taken back', async () => {
    await services.permissions.grant(person.uid, app, ['offline_access']);
    const session = await services.sessions.createSession(app, person.uid, { withSecret: true });
    expect(session.expiresAt).toBeNull();
    expect(session.secret).toBeNull();
    expect(session.sessionKey).toMatch(new RegExp(`__\\.0\\.0-${person.uid}$`));
    expect(await services.sessions.resolve(app, session.sessionKey, new Date(Date.now() + 365 * DAY_MS))).toEqual({ session });
    await services.permissions.revoke(person.uid, app, 'offline_access');
    expect(await services.sessions.resolve(app, session.sessionKey)).toEqual({ problem: 'unknown' });
  });

  it('a token lives for the configured token lifetime', async () => {
    const now = new Date();
    const token = await services.sessions.createToken(app, now);
    expect((await store.authTokens.find(token))?.expiresAt).toEqual(new Date(now.getTime() + 600_000));
    await services.sessions.bindToken(app, token, person.uid, now);
    expect(await services.sessions.exchangeToken(app, token, { withSecret: false }, new Date(now.getTime() + 600_001))).toBeUndefined();
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { purgeExpired } from '../../src/platform.js';
import { SqliteStore } from '../../src/platform.js';

describe('housekeeping: purgeExpired', () => {
  let store: SqliteStore;
  beforeEach(() => {
    store = SqliteStore.open(':memory:');
  });
  afterEach(() => store.close());

  it('removes expired tokens, sessions and sign-ins and keeps live ones', async () => {
    const app = await store.apps.create({ apiKey: 'k'.repeat(32), secret: 's'.repeat(32), name: 'A', type: 'web', callbackUrl: null });
    const person = await store.people.create({ email: 'a@example.org', passwordHash: 'x', firstName: 'A', lastName: 'B' });
    const past = new Date(Date.now() - 1000);
    const future = new Date(Date.now() + 60_000);
    await store.authTokens.create({ token: 'old', appId: app.appId, uid: null, expiresAt: past });
    await store.authTokens.create({ token: 'new', appId: app.appId, uid: null, expiresAt: future });
    await store.sessions.create({ sessionKey: 'old', appId: app.appId, uid: person.uid, secret: null, expiresAt: past });
    await store.sessions.create({ sessionKey: 'forever', appId: app.appId, uid: person.uid, secret: null, expiresAt: null });
    await store.browserSignIns.create({ idHash: 'old', uid: person.uid, expiresAt: past });
    expect(await purgeExpired(store)).toBe(3);
    expect(await store.authTokens.find('new')).toBeDefined();
    expect(await store.sessions.find('forever')).toBeDefined();
    expect(await store.authTokens.find('old')).toBeUndefined();
  });
});

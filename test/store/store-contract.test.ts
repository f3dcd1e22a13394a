/**
 * The behaviour every Store backend must share. Each backend in BACKENDS runs the whole suite;
 * suite titles start with the backend's name.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/platform.js';
import { DuplicateError } from '../../src/db/store-errors.js';
import type { NewApp } from '../../src/features/apps/records.js';
import type { NewPerson } from '../../src/features/people/records.js';
import type { Store } from '../../src/features/feature.js';
import { hasPostgres, testSchema } from '../support/postgres.js';

interface Backend {
  readonly name: string;
  /** True where the backend's server is not running (never in CI). */
  readonly skip?: boolean;
  /** A fresh, empty store; `reopen` opens the same data again (a restart). */
  create(): Promise<{ store: Store; reopen(): Promise<Store>; cleanup(): Promise<void> }>;
}

const BACKENDS: Backend[] = [
  {
    name: 'postgres',
    skip: !hasPostgres,
    async create() {
      const schema = testSchema();
      return { store: await schema.open(), reopen: () => schema.open(), cleanup: () => schema.drop() };
    },
  },
  {
    name: 'sqlite',
    async create() {
      const dir = mkdtempSync(join(tmpdir(), 'hearth-store-'));
      const path = join(dir, 'hearth.db');
      return { store: SqliteStore.open(path), reopen: async () => SqliteStore.open(path), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
];

let counter = 0;
const newApp = (overrides: Partial<NewApp> = {}): NewApp => ({
  apiKey: `${String(++counter).padStart(32, '0')}`,
  secret: 'f'.repeat(32),
  name: 'An app',
  type: 'web',
  callbackUrl: 'http://app.example.org/',
  ...overrides,
});
const newPerson = (overrides: Partial<NewPerson> = {}): NewPerson => ({
  email: `p${++counter}@example.org`,
  passwordHash: 'scrypt$x',
  firstName: 'Ada',
  lastName: 'Lovelace',
  ...overrides,
});

/** People one after another, so their uids ascend in the order made (concurrent inserts may not). */
async function createPeople(store: Store, count: number) {
  const people = [];
  for (let i = 0; i < count; i++) people.push(await store.people.create(newPerson()));
  return people;
}

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip === true)(`${backend.name}: store`, () => {
    let store: Store;
    let reopen: () => Promise<Store>;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ store, reopen, cleanup } = await backend.create());
    });
    afterEach(async () => {
      await store.close().catch(() => undefined);
      await cleanup();
    });

    it('numbers apps from 100001 and people from 500000001', async () => {
      expect((await store.apps.create(newApp())).appId).toBe(100001);
      expect((await store.apps.create(newApp())).appId).toBe(100002);
      expect((await store.people.create(newPerson())).uid).toBe(500000001);
    });

    it('keeps every app field and finds apps by id and by api_key', async () => {
      const created = await store.apps.create(
        newApp({ type: 'desktop', callbackUrl: null, allowedAddresses: ['10.0.0.0/8', '::1/128'], rateLimit: { requests: 5, windowSeconds: 60 } }),
      );
      const byKey = await store.apps.findByApiKey(created.apiKey);
      expect(byKey).toEqual(created);
      expect(await store.apps.findById(created.appId)).toEqual(created);
      expect(created).toMatchObject({ type: 'desktop', callbackUrl: null, allowedAddresses: ['10.0.0.0/8', '::1/128'], rateLimit: { requests: 5, windowSeconds: 60 } });
      expect(await store.apps.findByApiKey('0'.repeat(31) + 'x')).toBeUndefined();
      expect(await store.apps.findById(1)).toBeUndefined();
    });

    it('refuses a second app with the same api_key', async () => {
      const app = newApp();
      await store.apps.create(app);
      await expect(store.apps.create({ ...app })).rejects.toBeInstanceOf(DuplicateError);
    });

    it('updates only the fields given, and can clear the callback URL, addresses and rate limit', async () => {
      const app = await store.apps.create(newApp({ allowedAddresses: ['10.0.0.0/8'], rateLimit: { requests: 1, windowSeconds: 1 } }));
      const renamed = await store.apps.update(app.appId, { name: 'Renamed' });
      expect(renamed).toEqual({ ...app, name: 'Renamed' });
      const cleared = await store.apps.update(app.appId, { callbackUrl: null, allowedAddresses: [], rateLimit: null, secret: 'e'.repeat(32) });
      expect(cleared).toMatchObject({ callbackUrl: null, allowedAddresses: [], rateLimit: null, secret: 'e'.repeat(32), apiKey: app.apiKey });
      expect(await store.apps.update(999, { name: 'x' })).toBeUndefined();
    });

    it('finds the apps whose callback URL contains a fragment as written, LIKE wildcards included', async () => {
      const wanted = await store.apps.create(newApp({ callbackUrl: 'http://a.example/demo_cb/' }));
      await store.apps.create(newApp({ callbackUrl: 'http://a.example/demoXcb/' }));
      await store.apps.create(newApp({ callbackUrl: null }));
      const percent = await store.apps.create(newApp({ callbackUrl: 'http://a.example/100%25/' }));
      expect((await store.apps.withCallbackContaining('/demo_cb/')).map((app) => app.appId)).toEqual([wanted.appId]);
      expect((await store.apps.withCallbackContaining('0%2')).map((app) => app.appId)).toEqual([percent.appId]);
      expect(await store.apps.withCallbackContaining('/nowhere/')).toEqual([]);
    });

    it('lists apps and people in id order', async () => {
      const a = await store.apps.create(newApp());
      const b = await store.apps.create(newApp());
      expect((await store.apps.list()).map((app) => app.appId)).toEqual([a.appId, b.appId]);
      const p = await store.people.create(newPerson());
      const q = await store.people.create(newPerson());
      expect((await store.people.list()).map((person) => person.uid)).toEqual([p.uid, q.uid]);
    });

    it('refuses a second person with the same e-mail', async () => {
      await store.people.create(newPerson({ email: 'ada@example.org' }));
      await expect(store.people.create(newPerson({ email: 'ada@example.org' }))).rejects.toBeInstanceOf(DuplicateError);
      expect((await store.people.findByEmail('ada@example.org'))?.firstName).toBe('Ada');
    });

    it('records authorizations idempotently and reports whether a revoke removed one', async () => {
      const app = await store.apps.create(newApp());
      const person = await store.people.create(newPerson());
      expect(await store.authorizations.isAuthorized(person.uid, app.appId)).toBe(false);
      await store.authorizations.authorize(person.uid, app.appId);
      await store.authorizations.authorize(person.uid, app.appId);
      expect(await store.authorizations.isAuthorized(person.uid, app.appId)).toBe(true);
      expect(await store.authorizations.revoke(person.uid, app.appId)).toBe(true);
      expect(await store.authorizations.revoke(person.uid, app.appId)).toBe(false);
      expect(await store.authorizations.isAuthorized(person.uid, app.appId)).toBe(false);
    });

    it('keeps permissions per person and app', async () => {
      const app = await store.apps.create(newApp());
      const other = await store.apps.create(newApp());
      const person = await store.people.create(newPerson());
      await store.permissions.grant(person.uid, app.appId, 'email');
      await store.permissions.grant(person.uid, app.appId, 'email');
      await store.permissions.grant(person.uid, app.appId, 'sms');
      expect(await store.permissions.list(person.uid, app.appId)).toEqual(['email', 'sms']);
      expect(await store.permissions.list(person.uid, other.appId)).toEqual([]);
      expect(await store.permissions.revoke(person.uid, app.appId, 'email')).toBe(true);
      expect(await store.permissions.revoke(person.uid, app.appId, 'email')).toBe(false);
      expect(await store.permissions.list(person.uid, app.appId)).toEqual(['sms']);
    });

    it('merges profile FBML slot by slot and keeps text byte for byte', async () => {
      const app = await store.apps.create(newApp());
      const person = await store.people.create(newPerson());
      expect(await store.profiles.get(person.uid, app.appId)).toBeUndefined();
      const text = ' <fb:wide>Café 😀</fb:wide>\n';
      await store.profiles.update(person.uid, app.appId, { profile: text });
      await store.profiles.update(person.uid, app.appId, { profileMain: 'main' });
      expect(await store.profiles.get(person.uid, app.appId)).toEqual({ profile: text, profileMain: 'main', mobileProfile: null, profileAction: null });
    });

    it('sets and removes settings', async () => {
      expect(await store.settings.get('maintenance')).toBeUndefined();
      await store.settings.set('maintenance', '');
      expect(await store.settings.get('maintenance')).toBe('');
      await store.settings.set('maintenance', 'upgrading');
      expect(await store.settings.get('maintenance')).toBe('upgrading');
      await store.settings.set('maintenance', undefined);
      expect(await store.settings.get('maintenance')).toBeUndefined();
    });

    it('keeps everything across a restart and migrates an existing database without loss', async () => {
      const app = await store.apps.create(newApp());
      const person = await store.people.create(newPerson());
      await store.authorizations.authorize(person.uid, app.appId);
      await store.close();
      store = await reopen();
      expect(await store.apps.findById(app.appId)).toEqual(app);
      expect(await store.people.findByUid(person.uid)).toEqual(person);
      expect(await store.authorizations.isAuthorized(person.uid, app.appId)).toBe(true);
      expect((await store.apps.create(newApp())).appId).toBe(app.appId + 1);
    });

    it('exchanges an auth token at most once, only for its app, only once bound and before it expires', async () => {
      const app = await store.apps.create(newApp());
      const other = await store.apps.create(newApp());
      const person = await store.people.create(newPerson());
      const someoneElse = await store.people.create(newPerson());
      const now = new Date();
      const later = new Date(now.getTime() + 60_000);
      await store.authTokens.create({ token: 't1', appId: app.appId, uid: null, expiresAt: later });
      expect(await store.authTokens.consume('t1', app.appId, now)).toBeUndefined();
      expect(await store.authTokens.bind('t1', other.appId, person.uid, now)).toBe(false);
      expect(await store.authTokens.bind('t1', app.appId, person.uid, now)).toBe(true);
      expect(await store.authTokens.bind('t1', app.appId, person.uid, now)).toBe(true);
      expect(await store.authTokens.bind('t1', app.appId, someoneElse.uid, now)).toBe(false);
      expect(await store.authTokens.consume('t1', other.appId, now)).toBeUndefined();
      expect(await store.authTokens.consume('t1', app.appId, later)).toBeUndefined();
      expect(await store.authTokens.consume('t1', app.appId, now)).toEqual({ token: 't1', appId: app.appId, uid: person.uid, expiresAt: later });
      expect(await store.authTokens.consume('t1', app.appId, now)).toBeUndefined();
    });

    it('advances a session call_id only upwards, and exactly once among concurrent equal ones', async () => {
      const app = await store.apps.create(newApp());
      const person = await store.people.create(newPerson());
      await store.sessions.create({ sessionKey: 'k', appId: app.appId, uid: person.uid, secret: null, expiresAt: null });
      const now = new Date();
      const results = await Promise.all(Array.from({ length: 10 }, () => store.sessions.advanceCallId('k', 1262304000.1234, now)));
      expect(results.filter((stored) => stored !== undefined)).toHaveLength(1);
      expect(await store.sessions.advanceCallId('k', 1262304000.1234, now)).toBeUndefined();
      expect(await store.sessions.advanceCallId('k', 1262304000.12341, now)).toBeDefined();
      expect(await store.sessions.advanceCallId('k', 1262304000, now)).toBeUndefined();
      expect(await store.sessions.advanceCallId('missing', 1, now)).toBeUndefined();
    });

    it('judges call_ids sent together in the order they came, session by session', async () => {
      const app = await store.apps.create(newApp());
      const visitor = await store.people.create(newPerson());
      const member = await store.people.create(newPerson());
      await store.authorizations.authorize(member.uid, app.appId);
      await store.sessions.create({ sessionKey: 'v', appId: app.appId, uid: visitor.uid, secret: null, expiresAt: null });
      await store.sessions.create({ sessionKey: 'm', appId: app.appId, uid: member.uid, secret: null, expiresAt: null });
      const now = new Date();
      const advance = (sessionKey: string, callId: number) => store.sessions.advanceCallId(sessionKey, callId, now);
      // Issued in one go, as the calls of one busy moment are.
      const results = await Promise.all([advance('v', 10), advance('v', 11), advance('m', 5), advance('v', 9), advance('m', 5), advance('missing', 1), advance('m', 6)]);
      expect(results).toEqual([{ personUsesApp: false }, { personUsesApp: false }, { personUsesApp: true }, undefined, undefined, undefined, { personUsesApp: true }]);
      expect(await advance('v', 11)).toBeUndefined();
      expect(await advance('v', 12)).toBeDefined();
    });

    it('advances no call_id of a session that has expired or ended', async () => {
      const app = await store.apps.create(newApp());
      const person = await store.people.create(newPerson());
      const expiresAt = new Date('2026-06-01T12:00:00Z');
      await store.sessions.create({ sessionKey: 'hour', appId: app.appId, uid: person.uid, secret: null, expiresAt });
      expect(await store.sessions.advanceCallId('hour', 1, new Date(expiresAt.getTime() - 1))).toBeDefined();
      expect(await store.sessions.advanceCallId('hour', 2, expiresAt)).toBeUndefined();
      await store.sessions.create({ sessionKey: 'ended', appId: app.appId, uid: person.uid, secret: null, expiresAt: null });
      expect(await store.sessions.delete('ended')).toBe(true);
      expect(await store.sessions.advanceCallId('ended', 1, new Date())).toBeUndefined();
    });

    it("tells, as it stores a call_id, whether the session's person uses its app at that moment", async () => {
      const app = await store.apps.create(newApp());
      const person = await store.people.create(newPerson());
      await store.sessions.create({ sessionKey: 'visitor', appId: app.appId, uid: person.uid, secret: null, expiresAt: null });
      expect(await store.sessions.advanceCallId('visitor', 1, new Date())).toEqual({ personUsesApp: false });
      await store.authorizations.authorize(person.uid, app.appId);
      await store.sessions.create({ sessionKey: 'member', appId: app.appId, uid: person.uid, secret: null, expiresAt: null });
      expect(await store.sessions.advanceCallId('member', 1, new Date())).toEqual({ personUsesApp: true });
    });

    it('keeps the first session secret and finds the newest live session', async () => {
      const app = await store.apps.create(newApp());
      const person = await store.people.create(newPerson());
      const past = new Date(Date.now() - 1000);
      await store.sessions.create({ sessionKey: 'old', appId: app.appId, uid: person.uid, secret: null, expiresAt: past });
      await store.sessions.create({ sessionKey: 'live', appId: app.appId, uid: person.uid, secret: null, expiresAt: null });
      expect(await store.sessions.setSecretIfAbsent('live', 'first')).toBe('first');
      expect(await store.sessions.setSecretIfAbsent('live', 'second')).toBe('first');
      expect((await store.sessions.findLatest(person.uid, app.appId, new Date()))?.sessionKey).toBe('live');
      expect(await store.sessions.deleteExpired(new Date())).toBe(1);
      expect(await store.sessions.find('old')).toBeUndefined();
    });

    it('makes a person’s live sessions with one app never expire, and no one else’s', async () => {
      const app = await store.apps.create(newApp());
      const elsewhere = await store.apps.create(newApp());
      const person = await store.people.create(newPerson());
      const later = new Date(Date.now() + 3_600_000);
      const past = new Date(Date.now() - 1000);
      await store.sessions.create({ sessionKey: 'held', appId: app.appId, uid: person.uid, secret: 'kept', expiresAt: later });
      await store.sessions.create({ sessionKey: 'ended', appId: app.appId, uid: person.uid, secret: null, expiresAt: past });
      await store.sessions.create({ sessionKey: 'other-app', appId: elsewhere.appId, uid: person.uid, secret: null, expiresAt: later });
      expect(await store.sessions.makeNeverExpiring(person.uid, app.appId, new Date())).toBe(1);
      expect(await store.sessions.find('held')).toMatchObject({ expiresAt: null, secret: 'kept' });
      expect((await store.sessions.find('ended'))?.expiresAt).toEqual(past);
      expect((await store.sessions.find('other-app'))?.expiresAt).toEqual(later);
      expect(await store.sessions.deleteNeverExpiring(person.uid, app.appId)).toBe(1);
      expect(await store.sessions.find('held')).toBeUndefined();
    });

    it('revoking an authorization takes its permissions, sessions and profile FBML along', async () => {
      const app = await store.apps.create(newApp());
      const person = await store.people.create(newPerson());
      await store.authorizations.authorize(person.uid, app.appId);
      await store.permissions.grant(person.uid, app.appId, 'email');
      await store.sessions.create({ sessionKey: 'gone', appId: app.appId, uid: person.uid, secret: null, expiresAt: null });
      await store.profiles.update(person.uid, app.appId, { profile: 'box' });
      expect(await store.authorizations.listApps(person.uid)).toEqual([app.appId]);
      expect(await store.authorizations.revoke(person.uid, app.appId)).toBe(true);
      expect(await store.permissions.list(person.uid, app.appId)).toEqual([]);
      expect(await store.sessions.find('gone')).toBeUndefined();
      expect(await store.profiles.get(person.uid, app.appId)).toBeUndefined();
      expect(await store.authorizations.listApps(person.uid)).toEqual([]);
    });

    describe('sign-in attempts', () => {
      const policy = { freeAttempts: 3, windowMs: 60_000, firstWaitMs: 1000, maxWaitMs: 4000 };
      const t0 = new Date('2026-01-01T00:00:00Z');
      const at = (ms: number) => new Date(t0.getTime() + ms);
      const claim = (subject: string, ms: number) => store.signInAttempts.claim(subject, at(ms), policy);

      it('allows the free attempts, then one per wait, the wait doubling up to its cap', async () => {
        expect(await Promise.all([claim('s:a', 0), claim('s:a', 0)])).toEqual([{ allowed: true }, { allowed: true }]);
        // The third is free too, and earns the first wait.
        expect(await claim('s:a', 10)).toEqual({ allowed: true });
        expect(await claim('s:a', 500)).toEqual({ allowed: false, blockedUntil: at(1010) });
        expect(await claim('s:a', 1010)).toEqual({ allowed: true });
        expect(await claim('s:a', 2000)).toEqual({ allowed: false, blockedUntil: at(3010) });
        expect(await claim('s:a', 3010)).toEqual({ allowed: true });
        expect(await claim('s:a', 7009)).toEqual({ allowed: false, blockedUntil: at(7010) });
        expect(await claim('s:a', 7010)).toEqual({ allowed: true });
        // Capped at maxWaitMs.
        expect(await claim('s:a', 7011)).toEqual({ allowed: false, blockedUntil: at(11_010) });
      });

      it('gives no more attempts to a burst than to a sequence', async () => {
        const answers = await Promise.all(Array.from({ length: 40 }, () => claim('s:burst', 0)));
        expect(answers.filter((answer) => answer.allowed)).toHaveLength(3);
      });

      it('starts again once the first counted attempt is older than the window', async () => {
        for (const ms of [0, 1, 2]) expect(await claim('s:w', ms)).toEqual({ allowed: true });
        expect((await claim('s:w', 100)).allowed).toBe(false);
        expect(await claim('s:w', 60_001)).toEqual({ allowed: true });
        expect(await claim('s:w', 60_002)).toEqual({ allowed: true });
      });

      it('a refund unblocks a subject that falls below the free attempts; clear forgets it', async () => {
        for (const ms of [0, 1, 2]) await claim('s:r', ms);
        expect((await claim('s:r', 3)).allowed).toBe(false);
        await store.signInAttempts.refund('s:r', policy);
        expect(await claim('s:r', 4)).toEqual({ allowed: true });
        await store.signInAttempts.clear('s:r');
        for (const ms of [5, 6]) expect(await claim('s:r', ms)).toEqual({ allowed: true });
        await store.signInAttempts.refund('s:never', policy);
        expect(await store.signInAttempts.deleteOlderThan(at(60_000))).toBeGreaterThanOrEqual(1);
      });
    });

    it('remembers known browsers per person until they expire', async () => {
      const person = await store.people.create(newPerson());
      const other = await store.people.create(newPerson());
      const expiresAt = new Date(Date.now() + 60_000);
      await store.knownBrowsers.remember('kb', person.uid, new Date(Date.now() + 1000));
      await store.knownBrowsers.remember('kb', person.uid, expiresAt);
      expect(await store.knownBrowsers.isKnown('kb', person.uid, new Date())).toBe(true);
      expect(await store.knownBrowsers.isKnown('kb', other.uid, new Date())).toBe(false);
      expect(await store.knownBrowsers.isKnown('kb', person.uid, new Date(expiresAt.getTime() + 1))).toBe(false);
      expect(await store.knownBrowsers.deleteExpired(new Date(expiresAt.getTime() + 1))).toBe(1);
    });

    it('finds browser sign-ins until they expire', async () => {
      const person = await store.people.create(newPerson());
      const expiresAt = new Date(Date.now() + 60_000);
      await store.browserSignIns.create({ idHash: 'h', uid: person.uid, expiresAt });
      expect(await store.browserSignIns.find('h', new Date())).toEqual({ idHash: 'h', uid: person.uid, expiresAt });
      expect(await store.browserSignIns.find('h', new Date(expiresAt.getTime() + 1))).toBeUndefined();
      await store.browserSignIns.delete('h');
      expect(await store.browserSignIns.find('h', new Date())).toBeUndefined();
    });

    it('answers a ping, and reports a closed store as unavailable', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
      await store.close();
      await expect(store.ping()).rejects.toMatchObject({ name: 'StoreUnavailableError' });
    });

    it('keeps friendships symmetric, once per pair, and lists friends in ascending uid order', async () => {
      const [a, b, c, d] = await createPeople(store, 4);
      const now = new Date();
      expect(await store.friendships.befriend(c!.uid, a!.uid, now)).toBe(true);
      expect(await store.friendships.befriend(a!.uid, c!.uid, now)).toBe(false);
      expect(await store.friendships.befriend(a!.uid, b!.uid, now)).toBe(true);
      expect(await store.friendships.areFriends(a!.uid, c!.uid)).toBe(true);
      expect(await store.friendships.areFriends(c!.uid, a!.uid)).toBe(true);
      expect(await store.friendships.areFriends(b!.uid, c!.uid)).toBe(false);
      expect(await store.friendships.areFriends(a!.uid, a!.uid)).toBe(false);
      expect(await store.friendships.friendsOf(a!.uid)).toEqual([b!.uid, c!.uid]);
      expect(await store.friendships.friendsOf(c!.uid)).toEqual([a!.uid]);
      expect(await store.friendships.friendsOf(d!.uid)).toEqual([]);
      expect(await store.friendships.friendsOf(999_999_999)).toEqual([]);
      expect(await store.friendships.unfriend(c!.uid, a!.uid)).toBe(true);
      expect(await store.friendships.unfriend(a!.uid, c!.uid)).toBe(false);
      expect(await store.friendships.friendsOf(a!.uid)).toEqual([b!.uid]);
      expect(await store.friendships.friendsOf(c!.uid)).toEqual([]);
    });

    it('turns a friend request into a friendship when accepted, and lists pending requests both ways', async () => {
      const [a, b, c] = await createPeople(store, 3);
      const t1 = new Date('2009-06-01T10:00:00Z');
      const t2 = new Date('2009-06-01T11:00:00Z');
      expect(await store.friendships.request(a!.uid, b!.uid, t1)).toBe('requested');
      expect(await store.friendships.request(a!.uid, b!.uid, t2)).toBe('already-requested');
      expect(await store.friendships.request(c!.uid, b!.uid, t2)).toBe('requested');
      expect(await store.friendships.areFriends(a!.uid, b!.uid)).toBe(false);
      expect(await store.friendships.requestsTo(b!.uid)).toEqual([
        { fromUid: a!.uid, toUid: b!.uid, createdAt: t1 },
        { fromUid: c!.uid, toUid: b!.uid, createdAt: t2 },
      ]);
      expect(await store.friendships.requestsFrom(a!.uid)).toEqual([{ fromUid: a!.uid, toUid: b!.uid, createdAt: t1 }]);
      expect(await store.friendships.requestsTo(a!.uid)).toEqual([]);

      // Only the person asked can accept: a request from b to a does not exist.
      expect(await store.friendships.accept(b!.uid, a!.uid, t2)).toBe(false);
      expect(await store.friendships.accept(a!.uid, b!.uid, t2)).toBe(true);
      expect(await store.friendships.areFriends(b!.uid, a!.uid)).toBe(true);
      expect(await store.friendships.requestsTo(b!.uid)).toEqual([{ fromUid: c!.uid, toUid: b!.uid, createdAt: t2 }]);
      expect(await store.friendships.requestsFrom(a!.uid)).toEqual([]);
      expect(await store.friendships.request(b!.uid, a!.uid, t2)).toBe('already-friends');
      expect(await store.friendships.requestsFrom(b!.uid)).toEqual([]);

      expect(await store.friendships.deleteRequest(c!.uid, b!.uid)).toBe(true);
      expect(await store.friendships.deleteRequest(c!.uid, b!.uid)).toBe(false);
      expect(await store.friendships.requestsTo(b!.uid)).toEqual([]);
      expect(await store.friendships.areFriends(b!.uid, c!.uid)).toBe(false);
    });

    it('makes two people friends when each asks the other, and befriending drops requests either way', async () => {
      const [a, b, c] = await createPeople(store, 3);
      const now = new Date();
      expect(await store.friendships.request(a!.uid, b!.uid, now)).toBe('requested');
      expect(await store.friendships.request(b!.uid, a!.uid, now)).toBe('accepted');
      expect(await store.friendships.areFriends(a!.uid, b!.uid)).toBe(true);
      expect(await store.friendships.requestsTo(a!.uid)).toEqual([]);
      expect(await store.friendships.requestsTo(b!.uid)).toEqual([]);

      await store.friendships.request(c!.uid, a!.uid, now);
      expect(await store.friendships.befriend(a!.uid, c!.uid, now)).toBe(true);
      expect(await store.friendships.requestsFrom(c!.uid)).toEqual([]);
      expect(await store.friendships.friendsOf(a!.uid)).toEqual([b!.uid, c!.uid]);
    });

    it('shows an invitation to an address as a request to whoever holds it, until accepted or declined', async () => {
      const [a, b, c] = await createPeople(store, 3);
      const [t1, t2] = [new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:00:01Z')];
      await store.friendships.invite(a!.uid, b!.email, t1);
      await store.friendships.invite(a!.uid, b!.email, t2);
      await store.friendships.invite(a!.uid, 'nobody@example.org', t2);
      await store.friendships.invite(c!.uid, b!.email, t2);
      expect(await store.friendships.invitationsFrom(a!.uid)).toEqual([
        { email: b!.email, createdAt: t1 },
        { email: 'nobody@example.org', createdAt: t2 },
      ]);
      expect(await store.friendships.requestsTo(b!.uid)).toEqual([
        { fromUid: a!.uid, toUid: b!.uid, createdAt: t1 },
        { fromUid: c!.uid, toUid: b!.uid, createdAt: t2 },
      ]);
      // A request by uid as well shows once, at the earlier time.
      await store.friendships.request(a!.uid, b!.uid, t2);
      expect((await store.friendships.requestsTo(b!.uid)).map((request) => request.fromUid)).toEqual([a!.uid, c!.uid]);

      expect(await store.friendships.accept(a!.uid, b!.uid, t2)).toBe(true);
      expect(await store.friendships.areFriends(a!.uid, b!.uid)).toBe(true);
      expect(await store.friendships.invitationsFrom(a!.uid)).toEqual([{ email: 'nobody@example.org', createdAt: t2 }]);
      expect(await store.friendships.decline(c!.uid, b!.uid)).toBe(true);
      expect(await store.friendships.requestsTo(b!.uid)).toEqual([]);
      // Declined: the sender still sees it, and asking again does not bring it back.
      await store.friendships.invite(c!.uid, b!.email, t2);
      expect(await store.friendships.invitationsFrom(c!.uid)).toEqual([{ email: b!.email, createdAt: t2 }]);
      expect(await store.friendships.requestsTo(b!.uid)).toEqual([]);
      expect(await store.friendships.deleteInvitation(c!.uid, b!.email)).toBe(true);
      expect(await store.friendships.deleteInvitation(c!.uid, b!.email)).toBe(false);
    });

    it('a request by uid to someone who invited you by address makes you friends', async () => {
      const [a, b] = await createPeople(store, 2);
      await store.friendships.invite(a!.uid, b!.email, new Date());
      expect(await store.friendships.request(b!.uid, a!.uid, new Date())).toBe('accepted');
      expect(await store.friendships.invitationsFrom(a!.uid)).toEqual([]);
    });

    it('keeps friendships and requests across a restart', async () => {
      const [a, b, c] = await createPeople(store, 3);
      await store.friendships.befriend(a!.uid, b!.uid, new Date());
      await store.friendships.request(c!.uid, a!.uid, new Date('2009-06-01T10:00:00Z'));
      await store.close();
      store = await reopen();
      expect(await store.friendships.friendsOf(b!.uid)).toEqual([a!.uid]);
      expect(await store.friendships.requestsTo(a!.uid)).toEqual([{ fromUid: c!.uid, toUid: a!.uid, createdAt: new Date('2009-06-01T10:00:00Z') }]);
    });

    describe('friend lists', () => {
      const now = new Date('2009-06-01T10:00:00Z');

      it('numbers lists from 300000001, keeps them per owner in flid order, and refuses a name twice for one owner', async () => {
        const [a, b] = await createPeople(store, 2);
        const family = await store.friendLists.create(a!.uid, 'Family', now);
        expect(family).toEqual({ flid: 300000001, owner: a!.uid, name: 'Family', createdAt: now });
        const club = await store.friendLists.create(a!.uid, 'Engine Club', now);
        const theirs = await store.friendLists.create(b!.uid, 'Family', now);
        await expect(store.friendLists.create(a!.uid, 'Family', now)).rejects.toBeInstanceOf(DuplicateError);
        expect(await store.friendLists.listsOwnedBy([a!.uid])).toEqual([family, club]);
        expect(await store.friendLists.listsOwnedBy([b!.uid, a!.uid, b!.uid])).toEqual([family, club, theirs]);
        expect(await store.friendLists.listsOwnedBy([])).toEqual([]);
        expect(await store.friendLists.listsById([theirs.flid, 999, family.flid])).toEqual([family, theirs]);
        expect(await store.friendLists.listsById([])).toEqual([]);
      });

      it("renames and deletes only the owner's list", async () => {
        const [a, b] = await createPeople(store, 2);
        const list = await store.friendLists.create(a!.uid, 'Family', now);
        await store.friendLists.create(a!.uid, 'Club', now);
        expect(await store.friendLists.rename(b!.uid, list.flid, 'Mine now')).toBeUndefined();
        expect(await store.friendLists.rename(a!.uid, list.flid, 'Kin')).toEqual({ ...list, name: 'Kin' });
        expect(await store.friendLists.rename(a!.uid, list.flid, 'Kin')).toEqual({ ...list, name: 'Kin' });
        await expect(store.friendLists.rename(a!.uid, list.flid, 'Club')).rejects.toBeInstanceOf(DuplicateError);
        expect(await store.friendLists.delete(b!.uid, list.flid)).toBe(false);
        expect(await store.friendLists.delete(a!.uid, list.flid)).toBe(true);
        expect(await store.friendLists.delete(a!.uid, list.flid)).toBe(false);
        expect((await store.friendLists.listsOwnedBy([a!.uid])).map((one) => one.name)).toEqual(['Club']);
      });

      it("takes only the owner's friends as members, and lists members by flid, then uid", async () => {
        const [a, b, c, d] = await createPeople(store, 4);
        for (const friend of [d!, c!, b!]) await store.friendships.befriend(a!.uid, friend.uid, now);
        const first = await store.friendLists.create(a!.uid, 'First', now);
        const second = await store.friendLists.create(a!.uid, 'Second', now);
        const theirs = await store.friendLists.create(b!.uid, 'Theirs', now);
        expect(await store.friendLists.addMember(a!.uid, second.flid, d!.uid)).toBe('added');
        expect(await store.friendLists.addMember(a!.uid, first.flid, d!.uid)).toBe('added');
        expect(await store.friendLists.addMember(a!.uid, first.flid, b!.uid)).toBe('added');
        expect(await store.friendLists.addMember(a!.uid, first.flid, b!.uid)).toBe('already-member');
        expect(await store.friendLists.addMember(a!.uid, first.flid, a!.uid)).toBe('not-a-friend');
        expect(await store.friendLists.addMember(b!.uid, theirs.flid, c!.uid)).toBe('not-a-friend');
        expect(await store.friendLists.addMember(b!.uid, first.flid, a!.uid)).toBe('no-such-list');
        expect(await store.friendLists.addMember(a!.uid, 999, b!.uid)).toBe('no-such-list');
        expect(await store.friendLists.membersOf([second.flid, first.flid, theirs.flid])).toEqual([
          { flid: first.flid, uid: b!.uid },
          { flid: first.flid, uid: d!.uid },
          { flid: second.flid, uid: d!.uid },
        ]);
        expect(await store.friendLists.membersOf([])).toEqual([]);
        expect(await store.friendLists.removeMember(b!.uid, first.flid, d!.uid)).toBe(false);
        expect(await store.friendLists.removeMember(a!.uid, first.flid, d!.uid)).toBe(true);
        expect(await store.friendLists.removeMember(a!.uid, first.flid, d!.uid)).toBe(false);
        expect(await store.friendLists.membersOf([first.flid])).toEqual([{ flid: first.flid, uid: b!.uid }]);
        // A deleted list's members go with it.
        await store.friendLists.delete(a!.uid, second.flid);
        expect(await store.friendLists.membersOf([second.flid])).toEqual([]);
      });

      it("takes each person off the other's lists when their friendship ends, and no one else", async () => {
        const [a, b, c] = await createPeople(store, 3);
        await store.friendships.befriend(a!.uid, b!.uid, now);
        await store.friendships.befriend(a!.uid, c!.uid, now);
        await store.friendships.befriend(b!.uid, c!.uid, now);
        const ofA = await store.friendLists.create(a!.uid, 'A', now);
        const ofB = await store.friendLists.create(b!.uid, 'B', now);
        await store.friendLists.addMember(a!.uid, ofA.flid, b!.uid);
        await store.friendLists.addMember(a!.uid, ofA.flid, c!.uid);
        await store.friendLists.addMember(b!.uid, ofB.flid, a!.uid);
        await store.friendLists.addMember(b!.uid, ofB.flid, c!.uid);
        expect(await store.friendships.unfriend(b!.uid, a!.uid)).toBe(true);
        expect(await store.friendLists.membersOf([ofA.flid, ofB.flid])).toEqual([
          { flid: ofA.flid, uid: c!.uid },
          { flid: ofB.flid, uid: c!.uid },
        ]);
        expect(await store.friendLists.addMember(a!.uid, ofA.flid, b!.uid)).toBe('not-a-friend');
      });

      it('adds members and ends friendships at the same time without leaving a non-friend on a list', async () => {
        const [a, ...others] = await createPeople(store, 9);
        const list = await store.friendLists.create(a!.uid, 'Busy', now);
        for (const other of others) await store.friendships.befriend(a!.uid, other.uid, now);
        await Promise.all(others.flatMap((other) => [store.friendLists.addMember(a!.uid, list.flid, other.uid), store.friendships.unfriend(other.uid, a!.uid)]));
        expect(await store.friendships.friendsOf(a!.uid)).toEqual([]);
        expect(await store.friendLists.membersOf([list.flid])).toEqual([]);
      });

      it('finds the friends two people have in common, ascending', async () => {
        const [a, b, c, d, e] = await createPeople(store, 5);
        for (const friend of [e!, c!, b!]) await store.friendships.befriend(a!.uid, friend.uid, now);
        for (const friend of [b!, e!]) await store.friendships.befriend(d!.uid, friend.uid, now);
        expect(await store.friendships.mutualFriends(a!.uid, d!.uid)).toEqual([b!.uid, e!.uid]);
        expect(await store.friendships.mutualFriends(d!.uid, a!.uid)).toEqual([b!.uid, e!.uid]);
        expect(await store.friendships.mutualFriends(a!.uid, a!.uid)).toEqual([b!.uid, c!.uid, e!.uid]);
        expect(await store.friendships.mutualFriends(a!.uid, 999_999_999)).toEqual([]);
        // Friends themselves, with no friend in common: neither counts as one.
        expect(await store.friendships.mutualFriends(a!.uid, b!.uid)).toEqual([]);
      });

      it('keeps lists and members across a restart, and numbers new lists on', async () => {
        const [a, b] = await createPeople(store, 2);
        await store.friendships.befriend(a!.uid, b!.uid, now);
        const list = await store.friendLists.create(a!.uid, 'Kept', now);
        await store.friendLists.addMember(a!.uid, list.flid, b!.uid);
        await store.close();
        store = await reopen();
        expect(await store.friendLists.listsOwnedBy([a!.uid])).toEqual([list]);
        expect(await store.friendLists.membersOf([list.flid])).toEqual([{ flid: list.flid, uid: b!.uid }]);
        expect((await store.friendLists.create(a!.uid, 'Next', now)).flid).toBe(list.flid + 1);
      });
    });

    it("lists one person's profile FBML of every app in app_id order, and nobody else's", async () => {
      const [first, second, third] = [await store.apps.create(newApp()), await store.apps.create(newApp()), await store.apps.create(newApp())];
      const [person, other] = await createPeople(store, 2);
      expect(await store.profiles.listForPerson(person!.uid)).toEqual([]);
      // Written out of order: the list is ordered by app, not by when the app wrote.
      await store.profiles.update(person!.uid, third!.appId, { profileMain: 'third main' });
      await store.profiles.update(person!.uid, first!.appId, { profile: ' <fb:wide>Café 😀</fb:wide>\n' });
      await store.profiles.update(other!.uid, second!.appId, { profile: 'not this person' });
      expect(await store.profiles.listForPerson(person!.uid)).toEqual([
        { appId: first!.appId, profile: ' <fb:wide>Café 😀</fb:wide>\n', profileMain: null, mobileProfile: null, profileAction: null },
        { appId: third!.appId, profile: null, profileMain: 'third main', mobileProfile: null, profileAction: null },
      ]);
      await store.authorizations.authorize(person!.uid, first!.appId);
      await store.authorizations.revoke(person!.uid, first!.appId);
      expect((await store.profiles.listForPerson(person!.uid)).map((row) => row.appId)).toEqual([third!.appId]);
      expect(await store.profiles.listForPerson(999_999_999)).toEqual([]);
    });
  });
}

/**
 * The outbox and delivery on both backends, against a real SMTP relay on loopback: mail waits
 * without a relay, survives a relay that is down, gives up on one that never answers, is marked
 * sent once the relay took it, and is delivered once even when two instances retry at once;
 * headers cannot be injected; bodies are quoted-printable; sent mail goes after 30 days.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, purgeExpired, SqliteStore } from '../../src/platform.js';
import type { Services, Store } from '../../src/features/feature.js';
import { parseSmtpUrl, type MailSettings } from '../../src/features/mail/mail-settings.js';
import { MailRefused } from '../../src/features/mail/mail-service.js';
import { hasPostgres, testSchema, type TestSchema } from '../support/postgres.js';
import { closedPort, startSilentRelay, startTestRelay, type TestRelay } from '../support/smtp.js';

const BACKENDS = [
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
];

const DOMAIN = 'mail.hearth.example';
const QUICK = { connectMs: 500, greetingMs: 500, socketMs: 1_000 };

describe.each(BACKENDS)('$backend: mail', ({ backend, skip }) => {
  let store: Store;
  let schema: TestSchema | undefined;
  let relay: TestRelay;
  const opened: Services[] = [];
  let count = 0;

  /** The services of one instance, with this relay (or none). */
  const instance = (relayUrl?: string, settings: Partial<MailSettings> = {}) => {
    const services = createServices(store, { mail: { domain: DOMAIN, timeouts: QUICK, ...(relayUrl ? { relay: parseSmtpUrl(relayUrl) } : {}), ...settings } });
    opened.push(services);
    return services;
  };
  const address = () => `reader${count++}@example.org`;

  beforeAll(async () => {
    if (skip) return;
    schema = backend === 'postgres' ? testSchema() : undefined;
    store = schema ? await schema.open() : SqliteStore.open(':memory:');
    relay = await startTestRelay();
  });
  afterAll(async () => {
    for (const services of opened) await services.mail.close();
    await relay?.close();
    await store?.close();
    await schema?.drop();
  });

  it.skipIf(skip)('without a relay a mail waits in the outbox: written whole, from Hearth, not sent', async () => {
    const services = instance();
    const to = address();
    const result = await services.mail.send({ to, subject: 'Confirm your address', text: 'Hello', kind: 'confirm-email' });
    expect(result).toEqual({ id: expect.any(Number), delivered: false });
    expect(await services.mail.find(result.id)).toMatchObject({
      kind: 'confirm-email', appId: null, toUid: null, toAddress: to, fromName: 'Hearth', fromAddress: `noreply@${DOMAIN}`,
      subject: 'Confirm your address', text: 'Hello', html: null, sentAt: null, lastError: null, attempts: 0,
    });
    expect((await services.mail.list({ unsent: true, limit: 10 })).map((mail) => mail.id)).toContain(result.id);
  });

  it.skipIf(skip)('with a relay: delivered before send answers, marked sent; app mail comes from the app at apps@; quoted-printable, no line of 998', async () => {
    const services = instance(relay.url);
    const app = await services.apps.register({ name: 'Gears', type: 'web' });
    const person = await store.people.create({ email: address(), passwordHash: 'unused', firstName: 'Ada', lastName: 'Mail' });
    const before = relay.received.length;
    const long = `Gears ${'é'.repeat(3000)} end`;
    const result = await services.mail.send({ to: person.email, toUid: person.uid, subject: 'Your gears', text: long, html: `<p>${long}</p>`, appId: app.appId, kind: 'app' });
    expect(result.delivered).toBe(true);
    const [mail] = relay.received.slice(before);
    expect(mail!.mailFrom).toBe(`apps@${DOMAIN}`);
    expect(mail!.rcptTo).toEqual([person.email]);
    expect(mail!.parsed.from?.value).toEqual([{ name: 'Gears', address: `apps@${DOMAIN}` }]);
    expect(mail!.parsed.subject).toBe('Your gears');
    expect(mail!.parsed.text?.trim()).toBe(long);
    expect(mail!.parsed.html).toContain(long);
    expect(mail!.parsed.messageId).toBe(`<hearth.${result.id}.${(await services.mail.find(result.id))!.createdAt.getTime()}@${DOMAIN}>`);
    expect(mail!.raw).toMatch(/Content-Transfer-Encoding: quoted-printable/i);
    expect(mail!.raw).not.toMatch(/base64/i);
    expect(Math.max(...mail!.raw.split('\r\n').map((line) => line.length))).toBeLessThan(998);
    const stored = await services.mail.find(result.id);
    expect(stored).toMatchObject({ attempts: 1, lastError: null });
    expect(stored!.sentAt).toBeInstanceOf(Date);
  });

  it.skipIf(skip)('no header can be injected: addresses are refused, the subject and the app name are one line', async () => {
    const services = instance(relay.url);
    for (const bad of ['ada@example.org\r\nBcc: eve@example.org', 'ada@example.org, eve@example.org', 'Ada <ada@example.org>', 'ada example@example.org', 'ada@', '@example.org', 'ada@exa_mple.org', 'ada@example.org\n']) {
      await expect(services.mail.send({ to: bad, subject: 'x', text: 'x', kind: 'notification' }), bad).rejects.toThrow(MailRefused);
    }
    await expect(services.mail.send({ to: address(), subject: 'x', text: 'x', kind: 'app' })).rejects.toThrow(MailRefused);
    const app = await services.apps.register({ name: 'Evil\r\nBcc: eve@example.org', type: 'web' });
    const before = relay.received.length;
    const to = address();
    const result = await services.mail.send({ to, subject: 'Hello\r\nBcc: eve@example.org\r\n\r\nbody', text: 'x', appId: app.appId, kind: 'app' });
    expect(result.delivered).toBe(true);
    const [mail] = relay.received.slice(before);
    expect(mail!.rcptTo).toEqual([to]);
    expect(mail!.parsed.bcc).toBeUndefined();
    expect(mail!.parsed.headers.has('bcc')).toBe(false);
    expect(mail!.parsed.subject).toBe('Hello Bcc: eve@example.org body');
    expect(mail!.parsed.from?.value[0]).toMatchObject({ address: `apps@${DOMAIN}` });
    expect(mail!.parsed.from?.value).toHaveLength(1);
  });

  it.skipIf(skip)('a relay that is down: the mail stays with the reason; once a relay answers, deliverPending sends it, once', async () => {
    const down = instance(`smtp://127.0.0.1:${await closedPort()}`);
    const to = address();
    const result = await down.mail.send({ to, subject: 'Recover your password', text: 'Here is the link', kind: 'recover-password' });
    expect(result.delivered).toBe(false);
    const waiting = await down.mail.find(result.id);
    expect(waiting).toMatchObject({ sentAt: null, attempts: 1 });
    expect(waiting!.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(await down.mail.deliverPending()).toMatchObject({ sent: 0, stopped: true });

    const up = instance(relay.url);
    const before = relay.received.length;
    const run = await up.mail.deliverPending();
    expect(run.sent).toBeGreaterThanOrEqual(1);
    expect(run.stopped).toBe(false);
    expect(relay.received.slice(before).filter((mail) => mail.rcptTo[0] === to)).toHaveLength(1);
    expect(await up.mail.find(result.id)).toMatchObject({ lastError: null });
    expect((await up.mail.find(result.id))!.attempts).toBeGreaterThan(1);
    expect((await up.mail.find(result.id))!.sentAt).toBeInstanceOf(Date);
    expect(await up.mail.deliverPending()).toEqual({ sent: 0, failed: 0, stopped: false });
  });

  it.skipIf(skip)('a relay that never answers: send gives up after the timeouts, the mail waits with the reason', async () => {
    const silent = await startSilentRelay();
    try {
      const services = instance(silent.url);
      const started = Date.now();
      const result = await services.mail.send({ to: address(), subject: 'Hello', text: 'x', kind: 'notification' });
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(result.delivered).toBe(false);
      expect(silent.connections()).toBe(1);
      const waiting = await services.mail.find(result.id);
      expect(waiting).toMatchObject({ sentAt: null, attempts: 1 });
      expect(waiting!.lastError).toMatch(/greeting|timeout/i);
    } finally {
      await silent.close();
    }
  });

  it.skipIf(skip)('a recipient the relay refuses: that mail keeps the 550, the next one in the run still goes', async () => {
    const picky = await startTestRelay({ refuse: (to) => to.startsWith('refused') });
    try {
      const services = instance(picky.url);
      // Written by an instance without a relay, delivered by one with it.
      const queued = instance();
      const refused = await queued.mail.send({ to: `refused${count++}@example.org`, subject: 'One', text: 'x', kind: 'notification' });
      const fine = await queued.mail.send({ to: address(), subject: 'Two', text: 'x', kind: 'notification' });
      const run = await services.mail.deliverPending();
      expect(run).toMatchObject({ failed: 1, stopped: false });
      expect((await services.mail.find(refused.id))!.lastError).toMatch(/^550 /);
      expect((await services.mail.find(fine.id))!.sentAt).toBeInstanceOf(Date);
      expect(picky.received.map((mail) => mail.parsed.subject)).toContain('Two');
      // The first relay delivers the refused one later, when it is tried again.
      expect((await instance(relay.url).mail.deliverPending()).sent).toBe(1);
    } finally {
      await picky.close();
    }
  });

  it.skipIf(skip)('two instances retrying at once hand each waiting mail to the relay once', async () => {
    const queued = instance();
    const ids: number[] = [];
    for (let index = 0; index < 6; index++) ids.push((await queued.mail.send({ to: address(), subject: `Race ${index}`, text: 'x', kind: 'notification' })).id);
    const before = relay.received.length;
    const [a, b] = await Promise.all([instance(relay.url).mail.deliverPending(), instance(relay.url).mail.deliverPending()]);
    expect(a.sent + b.sent).toBe(6);
    const subjects = relay.received.slice(before).map((mail) => mail.parsed.subject);
    expect(subjects.sort()).toEqual(ids.map((_, index) => `Race ${index}`).sort());
  });

  it.skipIf(skip)('a relay with a login: the password from the URL is used', async () => {
    const guarded = await startTestRelay({ login: { user: 'hearth', pass: 's3cret:/@' } });
    try {
      expect(guarded.url).toContain('hearth:s3cret%3A%2F%40@');
      const result = await instance(guarded.url).mail.send({ to: address(), subject: 'Signed in', text: 'x', kind: 'notification' });
      expect(result.delivered).toBe(true);
      const wrong = await instance(guarded.url.replace('s3cret', 'wrong')).mail.send({ to: address(), subject: 'No', text: 'x', kind: 'notification' });
      expect(wrong.delivered).toBe(false);
      expect((await store.outbox.find(wrong.id))!.lastError).toMatch(/535|Invalid/);
      expect(guarded.received).toHaveLength(1);
    } finally {
      await guarded.close();
    }
  });

  it.skipIf(skip)('the allowance: at most the limit per app and person in the window, counted under a lock', async () => {
    const services = instance();
    const app = await services.apps.register({ name: 'Counter', type: 'web' });
    const person = await store.people.create({ email: address(), passwordHash: 'unused', firstName: 'Cleo', lastName: 'Count' });
    const mail = { kind: 'app' as const, appId: app.appId, to: person.email, toUid: person.uid, subject: 'Hi', text: 'x' };
    const allowance = { limit: 3, since: new Date(Date.now() - 86_400_000) };
    const rounds = await Promise.all([0, 1, 2, 3, 4].map(() => services.mail.sendWithinAllowance([mail], allowance)));
    expect(rounds.flat()).toHaveLength(3);
    expect((await services.mail.countsSince(app.appId, [person.uid], allowance.since)).get(person.uid)).toBe(3);
    expect(await services.mail.sendWithinAllowance([mail], { limit: -1, since: allowance.since })).toHaveLength(1);
  });

  it.skipIf(skip)('mails written within an allowance are delivered in the background, one after the other; settled waits for them', async () => {
    const services = instance(relay.url);
    const app = await services.apps.register({ name: 'Batch', type: 'web' });
    const people = [await store.people.create({ email: address(), passwordHash: 'unused', firstName: 'One', lastName: 'Batch' }), await store.people.create({ email: address(), passwordHash: 'unused', firstName: 'Two', lastName: 'Batch' })];
    const before = relay.received.length;
    const written = await services.mail.sendWithinAllowance(
      people.map((person) => ({ kind: 'app' as const, appId: app.appId, to: person.email, toUid: person.uid, subject: 'Batch', text: 'x', html: '<p>x</p>' })),
      { limit: 5, since: new Date(Date.now() - 86_400_000) },
    );
    expect(written.map((mail) => mail.toUid)).toEqual(people.map((person) => person.uid));
    await services.mail.settled();
    expect(relay.received.slice(before).map((mail) => mail.rcptTo[0])).toEqual(people.map((person) => person.email));
    for (const mail of written) expect((await services.mail.find(mail.id))!.sentAt).toBeInstanceOf(Date);
  });

  it.skipIf(skip)('housekeeping removes mail sent more than 30 days ago and keeps what waits', async () => {
    const services = instance(relay.url);
    const sent = await services.mail.send({ to: address(), subject: 'Old', text: 'x', kind: 'notification' });
    const waiting = await instance().mail.send({ to: address(), subject: 'Waiting', text: 'x', kind: 'notification' });
    await purgeExpired(store, new Date(Date.now() + 29 * 86_400_000));
    expect(await store.outbox.find(sent.id)).toBeDefined();
    await purgeExpired(store, new Date(Date.now() + 31 * 86_400_000));
    expect(await store.outbox.find(sent.id)).toBeUndefined();
    expect(await store.outbox.find(waiting.id)).toBeDefined();
  });
});

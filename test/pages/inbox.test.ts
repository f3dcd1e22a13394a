/**
 * /inbox/ and /inbox/readmessage.php on both stores: composing to friends picked from the list,
 * the Sent Messages and Inbox folders, unread marks that go once a thread is opened, replying,
 * another person's thread (404), the CSRF check, subjects and bodies escaped, refusals on the
 * form with what was typed kept, paging and folder names, and the sign-in form for visitors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../src/features/people/records.js';
import { Browserless, pageText, type PageResponse } from '../support/browserless.js';
import { hasPostgres } from '../support/postgres.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { circle } from '../conformance/stream.setup.js';
import { signedInBrowser } from './page-kit.js';

type Name = 'ada' | 'bob' | 'cleo' | 'dan';

/** The list items of the folder page, as text, newest first. */
function threadsText(page: PageResponse): string[] {
  return [...page.body.matchAll(/<li class="note-item thread-item[^"]*"[\s\S]*?<\/li>/g)].map((match) => pageText(match[0]));
}

function threadIdOf(location: string | undefined): number {
  const id = Number(/[?&]t=(\d+)/.exec(location ?? '')?.[1]);
  if (!Number.isSafeInteger(id)) throw new Error(`no thread in ${location}`);
  return id;
}

for (const { backend, skip } of [
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
]) describe.skipIf(skip)(`${backend}: inbox pages`, () => {
  let server: TestServer;
  let people: Record<Name, Person>;
  let browsers: Record<Name, Browserless> & { nobody: Browserless };

  beforeAll(async () => {
    server = await startTestServer({ backend });
    people = await circle(server);
    browsers = {
      ada: await signedInBrowser(server, people.ada),
      bob: await signedInBrowser(server, people.bob),
      cleo: await signedInBrowser(server, people.cleo),
      dan: await signedInBrowser(server, people.dan),
      nobody: new Browserless(server.url),
    };
  });
  afterAll(() => server?.close());

  /** `who` composes to `to` through the form; the answer to the POST. */
  async function compose(who: Name, to: readonly Name[], fields: Record<string, string>): Promise<PageResponse> {
    const form = await browsers[who].get('/inbox/?compose');
    expect(form.status).toBe(200);
    return browsers[who].submit(form, { button: 'send', fields: { ...Object.fromEntries(to.map((name) => [`to_${people[name].uid}`, '1'])), ...fields } });
  }

  it('a visitor gets the sign-in form; /inbox goes to /inbox/ with its query', async () => {
    const page = await browsers.nobody.get('/inbox/');
    expect(page.status).toBe(200);
    expect(pageText(page.body)).toContain('Sign in to read your messages and write to your friends.');
    const bare = await browsers.nobody.get('/inbox?compose&id=5');
    expect(bare.status).toBe(302);
    expect(bare.location).toBe(`${server.url}/inbox/?compose&id=5`);
  });

  it('compose: the friends to tick (not strangers), one ticked by ?id=, the tabs; sending goes on to the thread', async () => {
    const form = await browsers.ada.get(`/inbox/?compose&id=${people.bob.uid}`);
    expect(form.headers.get('content-security-policy')).toContain("default-src 'none'");
    const text = pageText(form.body);
    expect(text).toContain('Your friends InboxSent MessagesUpdatesCompose Message Compose Message To');
    expect(form.body).toContain('<a href="/inbox/?compose" aria-current="page">Compose Message</a>');
    expect(form.body).toContain(`<input type="checkbox" id="to_${people.bob.uid}" name="to_${people.bob.uid}" value="1" checked><label for="to_${people.bob.uid}">Bob Bobson</label>`);
    expect(form.body).toContain(`name="to_${people.cleo.uid}" value="1">`);
    expect(form.body).not.toContain(`to_${people.dan.uid}`);
    // ?id= of a stranger ticks nobody.
    expect((await browsers.ada.get(`/inbox/?compose&id=${people.dan.uid}`)).body).not.toContain('checked');

    const sent = await compose('ada', ['bob'], { subject: 'Engine plans', body: 'Shall we build it?\nThe cards are ready.' });
    expect(sent.status).toBe(303);
    expect(sent.location).toMatch(/\/inbox\/readmessage\.php\?t=\d+&sent=1$/);
    const thread = await browsers.ada.get(sent.location!);
    expect(thread.status).toBe(200);
    const shown = pageText(thread.body);
    expect(shown).toContain('Your message was sent.');
    expect(shown).toContain('Engine plans Your message was sent. Between you and Bob Bobson');
    expect(thread.body).toContain('<p class="message-body">Shall we build it?<br>The cards are ready.</p>');

    expect(threadsText(await browsers.ada.get('/inbox/?folder=sent'))).toEqual([expect.stringMatching(/^To Bob Bobson · .* UTC Engine plans You: Shall we build it\? The cards are ready\.$/)]);
    expect(pageText((await browsers.ada.get('/inbox/')).body)).toContain('No messages yet.');
  });

  it('unread: marked in the recipient’s Inbox and counted on its tab until the thread is opened', async () => {
    const threadId = threadIdOf((await compose('ada', ['cleo'], { subject: 'Tea?', body: 'At four.' })).location);
    const inbox = await browsers.cleo.get('/inbox/');
    expect(inbox.body).toContain('<a href="/inbox/" aria-current="page">Inbox (1)</a>');
    expect(inbox.body).toContain(`<li class="note-item thread-item thread-unread" data-thread="${threadId}">`);
    expect(threadsText(inbox)).toEqual([expect.stringMatching(/^Ada Lovelace · .* UTC Tea\? 1 new message At four\.$/)]);
    expect(inbox.body).toContain('<strong><a class="thread-subject" href="/inbox/readmessage.php?t=');
    const opened = await browsers.cleo.get(`/inbox/readmessage.php?t=${threadId}`);
    expect(opened.status).toBe(200);
    const after = await browsers.cleo.get('/inbox/');
    expect(after.body).toContain('<a href="/inbox/" aria-current="page">Inbox</a>');
    expect(after.body).toContain(`<li class="note-item thread-item" data-thread="${threadId}">`);
    expect(after.body).not.toContain('new message');
  });

  it('reply: back on the thread, every message in order; the other side sees it unread in their Inbox', async () => {
    const threadId = threadIdOf((await compose('ada', ['bob'], { subject: 'Lunch', body: 'Noon?' })).location);
    const page = await browsers.bob.get(`/inbox/readmessage.php?t=${threadId}`);
    const replied = await browsers.bob.submit(page, { button: 'reply', fields: { body: 'Noon it is.' } });
    expect(replied.status).toBe(303);
    expect(replied.location).toBe(`${server.url}/inbox/readmessage.php?t=${threadId}`);
    const thread = pageText((await browsers.bob.get(replied.location!)).body);
    expect(thread).toMatch(/Ada Lovelace · .* UTC Noon\? Bob Bobson · .* UTC Noon it is\./);
    expect(threadsText(await browsers.ada.get('/inbox/'))[0]).toMatch(/^Bob Bobson · .* UTC Lunch 1 new message \(2\) Noon it is\.$/);
    expect(threadsText(await browsers.bob.get('/inbox/?folder=sent'))[0]).toMatch(/^To Ada Lovelace · .* UTC Lunch \(2\) You: Noon it is\.$/);
  });

  it('another person’s thread, one that does not exist, a malformed id: 404, and nothing is added', async () => {
    const threadId = threadIdOf((await compose('ada', ['bob'], { body: 'Just us.' })).location);
    for (const path of [`/inbox/readmessage.php?t=${threadId}`, '/inbox/readmessage.php?t=987654321', '/inbox/readmessage.php?t=abc']) {
      const page = await browsers.cleo.get(path);
      expect(page.status).toBe(404);
      expect(pageText(page.body)).toContain('This message does not exist, or you are not one of the people it was sent to.');
    }
    const form = await browsers.cleo.get('/inbox/?compose');
    const refused = await browsers.cleo.submit(form, { button: 'send' });
    expect(refused.status).toBe(400);
    const token = /name="csrf_token" value="([^"]+)"/.exec(form.body)![1]!;
    const intruding = await browsers.cleo.post(`/inbox/readmessage.php?t=${threadId}`, { csrf_token: token, body: 'Hello?', reply: '1' });
    expect(intruding.status).toBe(404);
    expect((await server.services.mailbox.read(people.ada.uid, threadId))!.messages).toHaveLength(1);
    expect((await browsers.cleo.get('/inbox/readmessage.php')).location).toBe(`${server.url}/inbox/`);
  });

  it('CSRF: a compose or a reply without the form’s token is refused and sends nothing', async () => {
    const before = (await server.services.mailbox.folders(people.bob.uid))[0]!.total;
    const forged = await browsers.ada.post('/inbox/?compose', { [`to_${people.bob.uid}`]: '1', body: 'Forged', send: '1' });
    expect(forged.status).toBe(403);
    expect(pageText(forged.body)).toContain('This form has expired');
    expect((await server.services.mailbox.folders(people.bob.uid))[0]!.total).toBe(before);
    const threadId = threadIdOf((await compose('ada', ['bob'], { body: 'Real' })).location);
    const forgedReply = await browsers.bob.post(`/inbox/readmessage.php?t=${threadId}`, { body: 'Forged', reply: '1', csrf_token: 'x'.repeat(43) });
    expect(forgedReply.status).toBe(403);
    expect((await server.services.mailbox.read(people.bob.uid, threadId))!.messages).toHaveLength(1);
  });

  it('subjects and bodies are text: markup is escaped in the folder, the thread and the form kept after a refusal', async () => {
    const evil = '<script>alert(1)</script>';
    const threadId = threadIdOf((await compose('ada', ['bob'], { subject: `${evil}"'`, body: `<img src=x onerror=alert(2)> & <b>bold</b>` })).location);
    for (const page of [await browsers.bob.get('/inbox/'), await browsers.bob.get(`/inbox/readmessage.php?t=${threadId}`), await browsers.ada.get('/inbox/?folder=sent')]) {
      expect(page.body).not.toContain('<script>alert');
      expect(page.body).not.toContain('<img src=x');
      expect(page.body).not.toContain('<b>bold');
      expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;');
      expect(page.body).toContain('&lt;img src=x onerror=alert(2)&gt; &amp; &lt;b&gt;bold&lt;/b&gt;');
    }
    const refused = await compose('ada', [], { subject: evil, body: '</textarea><script>alert(3)</script>' });
    expect(refused.status).toBe(400);
    expect(refused.body).toContain(`value="&lt;script&gt;alert(1)&lt;/script&gt;"`);
    expect(refused.body).toContain('&lt;/textarea&gt;&lt;script&gt;alert(3)&lt;/script&gt;</textarea>');
    expect(refused.body).not.toContain('<script>');
  });

  it('refusals on the form, what was typed kept: nobody ticked, a stranger slipped in, no text; a reply without text', async () => {
    const none = await compose('ada', [], { subject: 'Hello', body: 'Anyone?' });
    expect(none.status).toBe(400);
    expect(pageText(none.body)).toContain('Name at least one friend to write to. Your message is not sent yet.');
    expect(none.body).toContain('value="Hello"');
    expect(none.body).toContain('>Anyone?</textarea>');
    // A box for someone who is not a friend is not on the form: it counts for nothing.
    const stranger = await compose('ada', ['dan'], { body: 'Hi Dan' });
    expect(stranger.status).toBe(400);
    expect((await server.services.mailbox.folders(people.dan.uid))[0]!.total).toBe(0);
    const empty = await compose('ada', ['bob', 'cleo'], { body: '   ' });
    expect(empty.status).toBe(400);
    expect(pageText(empty.body)).toContain('A message needs some text. Your message is not sent yet.');
    expect(empty.body).toContain(`name="to_${people.bob.uid}" value="1" checked>`);
    expect(empty.body).toContain(`name="to_${people.cleo.uid}" value="1" checked>`);
    const threadId = threadIdOf((await compose('ada', ['bob'], { body: 'Ping' })).location);
    const page = await browsers.bob.get(`/inbox/readmessage.php?t=${threadId}`);
    const blank = await browsers.bob.submit(page, { button: 'reply', fields: { body: '\n\n' } });
    expect(blank.status).toBe(400);
    expect(pageText(blank.body)).toContain('A message needs some text. Your reply is not sent yet.');
    expect(pageText(blank.body)).toContain('Ping');
  });

  it('someone without friends is told so, and cannot send', async () => {
    const page = await browsers.dan.get('/inbox/?compose');
    expect(pageText(page.body)).toContain('You can write to your friends, and you have none yet. Find your friends.');
    expect(page.body).toContain('value="1" disabled>Send</button>');
  });

  it('folders: their names, the platform’s and the ids; Updates empty; an unknown folder 404; older threads a page on', async () => {
    for (const query of ['folder=sent', 'folder=[fb]sent', 'folder=1', 'folder=SENT']) {
      expect((await browsers.bob.get(`/inbox/?${query}`)).body).toContain('<a href="/inbox/?folder=sent" aria-current="page">Sent Messages</a>');
    }
    expect(pageText((await browsers.bob.get('/inbox/?folder=updates')).body)).toContain('No updates.');
    expect((await browsers.bob.get('/inbox/?folder=[fb]messages')).body).toContain('aria-current="page">Inbox');
    expect((await browsers.bob.get('/inbox/?folder=trash')).status).toBe(404);

    const eve = await server.createPerson('Eve Pager');
    await server.services.friends.addDirectly(eve.uid, people.cleo.uid);
    for (let n = 0; n < 22; n++) await server.services.mailbox.send({ from: people.cleo.uid, to: [eve.uid], subject: `n${n}`, body: 'x' }, new Date(Date.UTC(2010, 0, 1, 0, n)));
    const browser = await signedInBrowser(server, eve);
    const first = await browser.get('/inbox/');
    expect(threadsText(first)).toHaveLength(20);
    expect(threadsText(first)[0]).toContain('n21');
    expect(first.body).toContain('<a href="/inbox/?start=20">Older messages</a>');
    const second = await browser.get('/inbox/?start=20');
    expect(threadsText(second).map((item) => /n\d+/.exec(item)![0])).toEqual(['n1', 'n0']);
    expect(second.body).toContain('<a href="/inbox/?start=0">Newer messages</a>');
    expect(second.body).not.toContain('Older messages');
  });
});

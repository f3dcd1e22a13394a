/**
 * group.php, groups.php and creategroup.php on both stores: what a group's page shows and to whom
 * (OPEN, CLOSED, SECRET; a member, an invited person, a stranger, nobody signed in); joining,
 * accepting and declining an invitation, leaving, and the last admin who may not; making an admin;
 * the CSRF check; malformed and unknown gids; creating a group with the service's rules.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Group } from '../../src/features/groups/records.js';
import type { Person } from '../../src/features/people/records.js';
import { communityCast, type CommunityCast } from '../conformance/groups-pages.setup.js';
import { Browserless, pageText, type PageResponse } from '../support/browserless.js';
import { hasPostgres } from '../support/postgres.js';
import { signedInBrowser, submitSignIn } from './page-kit.js';

type Name = 'ada' | 'bob' | 'cleo' | 'dan';

/** The members section of a group's page, as text. */
function membersText(page: PageResponse): string {
  const start = page.body.lastIndexOf('<section', page.body.indexOf('id="group-members"'));
  return start === -1 ? '' : pageText(page.body.slice(start, page.body.indexOf('</section>', start)));
}

for (const { backend, skip } of [
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
]) describe.skipIf(skip)(`${backend}: group pages`, () => {
  let cast: CommunityCast;
  let browsers: Record<Name, Browserless> & { nobody: Browserless };

  beforeAll(async () => {
    cast = await communityCast(backend);
    const { server } = cast;
    browsers = {
      ada: await signedInBrowser(server, cast.ada),
      bob: await signedInBrowser(server, cast.bob),
      cleo: await signedInBrowser(server, cast.cleo),
      dan: await signedInBrowser(server, cast.dan),
      nobody: new Browserless(server.url),
    };
  });
  afterAll(() => cast?.server.close());

  const groupPath = (group: Group) => `/group.php?gid=${group.gid}`;

  /** The uids groups.getMembers lists to `who`, by list. */
  async function members(who: Name, gid: number): Promise<Record<'members' | 'admins' | 'officers' | 'not_replied', number[]>> {
    return JSON.parse((await cast.as(who).callRaw('groups.getMembers', { gid }, { format: 'json' })).body) as Record<'members' | 'admins' | 'officers' | 'not_replied', number[]>;
  }

  function freshGroup(name: string, privacy: 'OPEN' | 'CLOSED' | 'SECRET', creator: Person = cast.ada): Promise<Group> {
    return cast.server.services.groups.create({ name, creator: creator.uid, privacy });
  }

  it('shows an OPEN group to everyone: its details, and its members with admins and officers called out', async () => {
    const { open } = cast.groups;
    for (const browser of Object.values(browsers)) {
      const page = await browser.get(groupPath(open));
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
      const text = pageText(page.body);
      expect(page.body).toContain('<h1>Analytical Engine Fans</h1>');
      expect(text).toContain('Open group · Just for Fun – Fan Clubs');
      expect(text).toContain('Gears, cards and poetry.');
      expect(text).toContain('Venue: CA, United States');
      expect(text).toContain('Created by Ada Lovelace');
      const list = membersText(page);
      expect(list).toContain('Members (2)');
      // Admins first, then officers; the invited apart.
      expect(list).toMatch(/^Members \(2\) Ada Lovelace Admin Bob Bobson Officer (?:Make admin )?Invited Cleo Cleary$/);
    }
    expect(pageText((await browsers.dan.get(groupPath(open))).body)).toContain('Join this group');
    expect(pageText((await browsers.nobody.get(groupPath(open))).body)).toContain('Sign in to join this group.');
    expect(pageText((await browsers.bob.get(groupPath(open))).body)).toContain('You are an officer of this group.');
    const cleo = pageText((await browsers.cleo.get(groupPath(open))).body);
    expect(cleo).toContain('You are invited to this group.');
    expect(cleo).toContain('Decline');
  });

  it('links a website only when it is http(s), and keeps lines of the description', async () => {
    const { services, store } = cast.server;
    const safe = await services.groups.create({ name: 'Linked', creator: cast.ada.uid, website: 'https://engine.example.org/a?b=1&c=2', office: 'Room 4', description: 'First line\nSecond <b>line</b>' });
    const page = await browsers.dan.get(groupPath(safe));
    expect(page.body).toContain('<a href="https://engine.example.org/a?b=1&amp;c=2" rel="nofollow noopener noreferrer">https://engine.example.org/a?b=1&amp;c=2</a>');
    expect(page.body).toContain('First line<br>Second &lt;b&gt;line&lt;/b&gt;');
    expect(pageText(page.body)).toContain('Office: Room 4');
    // Kept from elsewhere (the service refuses it): shown, never a link.
    const unsafe = await services.groups.create({ name: 'Unlinked', creator: cast.ada.uid });
    await store.database.query.updateTable('groups').set({ website: 'javascript:alert(1)' }).where('gid', '=', unsafe.gid).execute();
    const shown = await browsers.dan.get(groupPath(unsafe));
    expect(pageText(shown.body)).toContain('Website: javascript:alert(1)');
    expect(shown.body).not.toMatch(/href="javascript:/);
  });

  it('answers a SECRET group with the 404 page to anyone but its people', async () => {
    const { secret } = cast.groups;
    const unknown = await browsers.dan.get('/group.php?gid=699999999');
    for (const browser of [browsers.dan, browsers.bob, browsers.nobody]) {
      const page = await browser.get(groupPath(secret));
      expect(page.status).toBe(404);
      expect(page.body).toContain('<h1>No such group</h1>');
      expect(page.body).not.toContain('Note G Reading Circle');
      // The same page as for a group that does not exist.
      if (browser === browsers.dan) expect(pageText(page.body)).toBe(pageText(unknown.body));
    }
    expect((await browsers.ada.get(groupPath(secret))).status).toBe(200);
    const invited = await browsers.cleo.get(groupPath(secret));
    expect(invited.status).toBe(200);
    expect(pageText(invited.body)).toContain('Secret group');
    // A stranger's forged join is the same 404; nothing changes.
    const forged = await browsers.dan.post(groupPath(secret), [['csrf_token', browsers.dan.cookie('hearth_csrf')!], ['join', '1']]);
    expect(forged.status).toBe(404);
    expect((await members('ada', secret.gid)).members).toEqual([cast.ada.uid]);
  });

  it('hides a CLOSED group’s members from strangers, offers them no Join, and refuses a forged one', async () => {
    const { closed } = cast.groups;
    for (const browser of [browsers.dan, browsers.nobody]) {
      const page = await browser.get(groupPath(closed));
      expect(page.status).toBe(200);
      expect(page.body).toContain('<h1>Difference Engine Builders</h1>');
      expect(membersText(page)).toBe('Members Only the group’s members and the people invited see who is in it.');
      expect(page.body).not.toContain('Bob Bobson');
      expect(page.body).not.toContain('name="join"');
    }
    expect(pageText((await browsers.dan.get(groupPath(closed))).body)).toContain('This is a closed group: people join it when one of its admins invites them.');
    expect(membersText(await browsers.bob.get(groupPath(closed)))).toContain('Bob Bobson');

    const forged = await browsers.dan.post(groupPath(closed), [['csrf_token', browsers.dan.cookie('hearth_csrf')!], ['join', '1']]);
    expect(forged.status).toBe(403);
    expect(pageText(forged.body)).toContain('This group is closed');
    expect((await members('ada', closed.gid)).members).not.toContain(cast.dan.uid);
  });

  it('Join makes a stranger a member of an OPEN group at once; groups.getMembers lists them', async () => {
    const group = await freshGroup('Open to all', 'OPEN');
    const page = await browsers.dan.get(groupPath(group));
    const joined = await browsers.dan.submit(page, { button: 'join' });
    expect(joined.status).toBe(303);
    expect(joined.location).toBe(`${cast.server.url}${groupPath(group)}&done=joined`);
    const after = await browsers.dan.get(joined.location!);
    expect(pageText(after.body)).toContain('You joined Open to all.');
    expect(pageText(after.body)).toContain('You are a member of this group.');
    expect(membersText(after)).toContain('Dan Dennett');
    expect((await members('dan', group.gid)).members).toEqual([cast.ada.uid, cast.dan.uid].sort((a, b) => a - b));
    // Joining again changes nothing.
    const again = await browsers.dan.post(groupPath(group), [['csrf_token', browsers.dan.cookie('hearth_csrf')!], ['join', '1']]);
    expect(again.status).toBe(303);
    expect((await members('dan', group.gid)).members).toHaveLength(2);
  });

  it('an invited person joins a SECRET group by accepting, or declines an invitation', async () => {
    const { services } = cast.server;
    const secret = await freshGroup('Quiet circle', 'SECRET');
    await services.groups.addMember(secret.gid, cast.dan.uid, { invited: true });
    const accepted = await browsers.dan.submit(await browsers.dan.get(groupPath(secret)), { button: 'join' });
    expect(accepted.status).toBe(303);
    expect((await members('dan', secret.gid))).toMatchObject({ members: [cast.ada.uid, cast.dan.uid], not_replied: [] });

    const other = await freshGroup('Another circle', 'SECRET');
    await services.groups.addMember(other.gid, cast.dan.uid, { invited: true });
    const declined = await browsers.dan.submit(await browsers.dan.get(groupPath(other)), { button: 'leave' });
    expect(declined.status).toBe(303);
    // The group is gone for them: back to their groups.
    expect(declined.location).toBe(`${cast.server.url}/groups.php?done=declined`);
    expect(pageText((await browsers.dan.get(declined.location!)).body)).toContain('You declined the invitation.');
    expect((await browsers.dan.get(groupPath(other))).status).toBe(404);
    expect((await members('ada', other.gid)).not_replied).toEqual([]);
  });

  it('Leave takes a member out; the last admin may not leave, and the page says why', async () => {
    const { services } = cast.server;
    const group = await freshGroup('Leaving soon', 'OPEN');
    await services.groups.addMember(group.gid, cast.bob.uid);
    const left = await browsers.bob.submit(await browsers.bob.get(groupPath(group)), { button: 'leave' });
    expect(left.status).toBe(303);
    expect(left.location).toBe(`${cast.server.url}${groupPath(group)}&done=left`);
    expect(pageText((await browsers.bob.get(left.location!)).body)).toContain('You left Leaving soon.');
    expect((await members('bob', group.gid)).members).toEqual([cast.ada.uid]);

    // Ada is its only admin, and alone in it.
    const alone = await browsers.ada.get(groupPath(group));
    expect(alone.body).not.toContain('name="leave"');
    expect(pageText(alone.body)).toContain('You are this group’s only admin, and a group needs one; nobody else has joined it yet');
    const forced = await browsers.ada.post(groupPath(group), [['csrf_token', browsers.ada.cookie('hearth_csrf')!], ['leave', '1']]);
    expect(forced.status).toBe(403);
    expect(pageText(forced.body)).toContain('You cannot leave this group yet');
    expect((await members('ada', group.gid)).admins).toEqual([cast.ada.uid]);

    // With another member, she makes them an admin; then she may leave.
    await services.groups.addMember(group.gid, cast.cleo.uid);
    const withCleo = await browsers.ada.get(groupPath(group));
    expect(pageText(withCleo.body)).toContain('Make another member an admin first, then you can leave.');
    expect((await browsers.cleo.post(groupPath(group), [['csrf_token', browsers.cleo.cookie('hearth_csrf')!], ['promote', String(cast.cleo.uid)]])).status).toBe(403);
    const promoted = await browsers.ada.submit(withCleo, { button: 'promote' });
    expect(promoted.status).toBe(303);
    expect(pageText((await browsers.ada.get(promoted.location!)).body)).toContain('Cleo Cleary is now an admin of Leaving soon.');
    expect((await browsers.ada.post(groupPath(group), [['csrf_token', browsers.ada.cookie('hearth_csrf')!], ['promote', String(cast.dan.uid)]])).status).toBe(400);
    const gone = await browsers.ada.submit(await browsers.ada.get(groupPath(group)), { button: 'leave' });
    expect(gone.status).toBe(303);
    expect(await members('cleo', group.gid)).toMatchObject({ members: [cast.cleo.uid], admins: [cast.cleo.uid] });
  });

  it('keeps an admin when two admins leave at the same moment', async () => {
    const { services } = cast.server;
    const group = await freshGroup('Two admins', 'OPEN');
    await services.groups.addMember(group.gid, cast.cleo.uid, { admin: true });
    const outcomes = await Promise.all([services.groups.leave(group.gid, cast.ada.uid), services.groups.leave(group.gid, cast.cleo.uid)]);
    expect(outcomes.sort()).toEqual(['last-admin', 'left']);
    expect((await members('cleo', group.gid)).admins).toHaveLength(1);
  });

  it('has a wall: members post on it; a CLOSED group’s wall is for its people only', async () => {
    const { services } = cast.server;
    const closed = await freshGroup('Walled in', 'CLOSED');
    await services.groups.addMember(closed.gid, cast.bob.uid);
    const page = await browsers.bob.get(groupPath(closed));
    expect(page.body).toContain('<h2 class="section" id="wall-title">Wall</h2>');
    const posted = await browsers.bob.submit(page, { button: 'publish', fields: { message: 'Gears arrive on Tuesday' } });
    expect(posted.status).toBe(303);
    expect(posted.location).toContain(`${cast.server.url}${groupPath(closed)}`);
    expect(pageText((await browsers.ada.get(groupPath(closed))).body)).toContain('Gears arrive on Tuesday');
    for (const browser of [browsers.dan, browsers.nobody]) {
      const hidden = await browser.get(groupPath(closed));
      expect(hidden.body).not.toContain('Gears arrive on Tuesday');
      expect(hidden.body).not.toContain('name="publish"');
    }

    // An OPEN group's wall is read by anyone; only members get the composer.
    const open = await freshGroup('Walled out', 'OPEN');
    const own = await browsers.ada.get(groupPath(open));
    expect((await browsers.ada.submit(own, { button: 'publish', fields: { message: 'Everyone welcome' } })).status).toBe(303);
    for (const browser of [browsers.dan, browsers.nobody]) {
      const shown = await browser.get(groupPath(open));
      expect(pageText(shown.body)).toContain('Everyone welcome');
      expect(shown.body).not.toContain('name="publish"');
    }
  });

  it('refuses a form without the CSRF token, and a signed-out POST', async () => {
    const group = await freshGroup('Guarded', 'OPEN');
    const page = await browsers.dan.get(groupPath(group));
    for (const token of [undefined, 'x'.repeat(43)]) {
      const refused = await browsers.dan.post(groupPath(group), token === undefined ? [['join', '1']] : [['csrf_token', token], ['join', '1']]);
      expect(refused.status).toBe(403);
      expect(refused.body).toContain('<h1>This form has expired</h1>');
    }
    expect(page.body).toContain('name="csrf_token"');
    expect((await members('ada', group.gid)).members).toEqual([cast.ada.uid]);

    const visitor = new Browserless(cast.server.url);
    const form = await visitor.get(groupPath(group));
    const signedOut = await visitor.post(groupPath(group), [['csrf_token', visitor.cookie('hearth_csrf')!], ['join', '1']]);
    expect(form.status).toBe(200);
    expect(signedOut.status).toBe(403);
    expect(pageText(signedOut.body)).toContain('Sign in first');
  });

  it('signs a visitor in from the group page and comes back to it', async () => {
    const visitor = new Browserless(cast.server.url);
    const form = await visitor.get(`${groupPath(cast.groups.open)}&signin=1`);
    expect(form.status).toBe(200);
    expect(form.body).toContain('name="pass"');
    const back = await submitSignIn(visitor, form, cast.dan);
    expect(back.location).toBe(`${cast.server.url}${groupPath(cast.groups.open)}`);
    expect(pageText((await visitor.get(back.location!)).body)).toContain('Join this group');
  });

  it('answers a malformed gid with the 400 page and an unknown one with the 404 page', async () => {
    for (const path of ['/group.php', '/group.php?gid=', '/group.php?gid=abc', '/group.php?gid=0', '/group.php?gid=-5', '/group.php?gid=1234567890123456', '/group.php?gid=%ZZ']) {
      const page = await browsers.dan.get(path);
      expect(page.status, path).toBe(400);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    }
    expect((await browsers.dan.get('/group.php?gid=abc')).body).toContain('<h1>Which group?</h1>');
    for (const path of ['/group.php?gid=999999999', '/group.php?gid=500000001']) expect((await browsers.dan.get(path)).status, path).toBe(404);
    const post = await browsers.dan.post('/group.php?gid=abc', [['csrf_token', browsers.dan.cookie('hearth_csrf')!], ['join', '1']]);
    expect(post.status).toBe(400);
  });

  it('creates a group from the form: problems shown by their fields, then the group with its maker as admin', async () => {
    const noName = await browsers.bob.get('/creategroup.php');
    expect(noName.status).toBe(200);
    const refused = await browsers.bob.submit(noName, { fields: { name: '   ', website: 'javascript:alert(1)', privacy: 'PUBLIC', description: 'Kept as typed' } });
    expect(refused.status).toBe(400);
    const text = pageText(refused.body);
    expect(text).toContain('3 fields need another look. The group was not created yet.');
    expect(text).toContain('The group needs a name.');
    expect(text).toContain('The website is a web address that starts with http:// or https://.');
    expect(text).toContain('The privacy is open, closed or secret, not "PUBLIC".');
    expect(refused.body).toContain('>Kept as typed</textarea>');
    expect(refused.body).toContain('aria-invalid="true" aria-describedby="name-error"');
    expect((await cast.server.services.groups.membershipsOf([cast.bob.uid])).filter((m) => m.admin)).toEqual([]);

    const created = await browsers.bob.submit(refused, {
      fields: { name: 'Babbage Readers', group_type: 'Common Interest', group_subtype: 'Books', description: 'We read.', privacy: 'CLOSED', website: 'https://readers.example.org', office: 'The library' },
    });
    expect(created.status).toBe(303);
    const gid = Number(/gid=(\d+)$/.exec(created.location!)![1]);
    const [group] = await cast.server.services.groups.byIds([gid]);
    expect(group).toMatchObject({ name: 'Babbage Readers', groupType: 'Common Interest', groupSubtype: 'Books', description: 'We read.', privacy: 'CLOSED', website: 'https://readers.example.org', office: 'The library', creator: cast.bob.uid });
    expect(await members('bob', gid)).toMatchObject({ members: [cast.bob.uid], admins: [cast.bob.uid] });
    const shown = pageText((await browsers.bob.get(created.location!)).body);
    expect(shown).toContain('Closed group · Common Interest – Books');
    expect(shown).toContain('You are an admin of this group.');

    const list = await browsers.bob.get('/groups.php');
    expect(list.status).toBe(200);
    expect(list.body).toContain(`<a class="note-item-title" href="/group.php?gid=${gid}">Babbage Readers</a>`);
    expect(list.body).toContain('<a class="button" href="/creategroup.php">Create a group</a>');
  });

  it('lists a person’s groups, joined first, then invitations; asks a visitor to sign in', async () => {
    const page = await browsers.cleo.get('/groups.php');
    const text = pageText(page.body);
    const joinedAt = text.indexOf('Groups you are in');
    const invitedAt = text.indexOf('Invitations');
    expect(joinedAt).toBeGreaterThan(-1);
    expect(invitedAt).toBeGreaterThan(joinedAt);
    expect(text.slice(invitedAt)).toContain('Analytical Engine Fans Open group · Just for Fun – Fan Clubs · Invited');
    expect(text.slice(invitedAt)).toContain('Note G Reading Circle Secret group · Invited');
    const bob = pageText((await browsers.bob.get('/groups.php')).body);
    expect(bob).toContain('Difference Engine Builders Closed group');
    expect(bob).not.toContain('Note G Reading Circle');
    for (const path of ['/groups.php', '/creategroup.php']) {
      const visitor = await browsers.nobody.get(path);
      expect(visitor.status).toBe(200);
      expect(visitor.body).toContain('name="pass"');
    }
  });
});

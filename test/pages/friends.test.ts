import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../src/features/people/records.js';
import { Browserless, pageText, parseForms, type PageResponse } from '../support/browserless.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { formNames, PASSWORD, signedInBrowser } from './page-kit.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** Presses the button `name` whose value is `value`, in the form that holds it. */
function press(browser: Browserless, page: PageResponse, name: string, value: string): Promise<PageResponse> {
  const form = parseForms(page.body).find((candidate) => candidate.buttons.some((button) => button.name === name && button.value === value));
  if (!form) throw new Error(`no ${name}=${value} button on the page: ${pageText(page.body)}`);
  return browser.post(new URL(form.action, page.url).href, [...form.fields, [name, value]]);
}

function buttons(page: PageResponse, name: string): string[] {
  return parseForms(page.body).flatMap((form) => form.buttons.filter((button) => button.name === name).map((button) => button.value));
}

async function person(name: string): Promise<Person> {
  return server.createPerson(name);
}

describe('friends.php', () => {
  it('asks a browser that is not signed in to sign in, then shows the friends page', async () => {
    const ada = await person('Ada Lovelace');
    const browser = new Browserless(server.url);
    const form = await browser.get('/friends.php');
    expect(form.status).toBe(200);
    expect(pageText(form.body)).toContain('Sign in to see your friends');
    expect(formNames(form)).toEqual(expect.arrayContaining(['email', 'pass', 'csrf_token']));
    const signedIn = await browser.submit(form, { fields: { email: ada.email, pass: PASSWORD } });
    expect(signedIn.status).toBe(303);
    expect(signedIn.location).toBe(`${server.url}/friends.php`);
    const page = await browser.get('/friends.php');
    expect(page.status).toBe(200);
    expect(pageText(page.body)).toContain('You have no friends here yet.');
    expect(pageText(page.body)).toContain('Signed in as Ada Lovelace.');
    expect(page.body).toContain('<a href="/friends.php" aria-current="page">Your friends</a>');
  });

  it('keeps the e-mail and says so after a wrong password', async () => {
    const ada = await person('Ada Lovelace');
    const browser = new Browserless(server.url);
    const wrong = await browser.submit(await browser.get('/friends.php'), { fields: { email: ada.email, pass: 'not the password' } });
    expect(wrong.status).toBe(401);
    expect(pageText(wrong.body)).toContain('The e-mail or password is not right.');
    expect(wrong.body).toContain(`value="${ada.email}"`);
  });

  it('A asks B by e-mail, B accepts, and both see each other as friends', async () => {
    const [ada, bob] = [await person('Ada Lovelace'), await person('Bob Bobson')];
    const adaBrowser = await signedInBrowser(server, ada);
    const sent = await adaBrowser.submit(await adaBrowser.get('/friends.php'), { button: 'request', fields: { friend: ` ${bob.email.toUpperCase()} ` } });
    expect(sent.status).toBe(303);
    expect(sent.location).toBe(`${server.url}/friends.php?done=invited&to=${encodeURIComponent(bob.email)}`);
    const adaPage = await adaBrowser.get(sent.location!);
    expect(pageText(adaPage.body)).toContain(`Your friend request to ${bob.email} is on its way`);
    // Listed by the address typed, not by name: nothing says whose address it is.
    expect(pageText(adaPage.body)).toContain(`Requests you sent ${bob.email}`);
    expect(adaPage.body).not.toContain('Bob Bobson');
    expect(buttons(adaPage, 'uninvite')).toEqual([bob.email]);

    const bobBrowser = await signedInBrowser(server, bob);
    const bobPage = await bobBrowser.get('/friends.php');
    expect(pageText(bobPage.body)).toContain('Friend requests Ada Lovelace');
    expect(buttons(bobPage, 'accept')).toEqual([String(ada.uid)]);
    expect(buttons(bobPage, 'decline')).toEqual([String(ada.uid)]);
    const accepted = await press(bobBrowser, bobPage, 'accept', String(ada.uid));
    expect(accepted.status).toBe(303);
    expect(accepted.location).toBe(`${server.url}/friends.php?done=accepted&who=${ada.uid}`);
    expect(pageText((await bobBrowser.get(accepted.location!)).body)).toContain('You and Ada Lovelace are now friends.');

    expect(await server.services.friends.areFriends(ada.uid, bob.uid)).toBe(true);
    expect(buttons(await bobBrowser.get('/friends.php'), 'remove')).toEqual([String(ada.uid)]);
    const adaAfter = await adaBrowser.get('/friends.php');
    expect(buttons(adaAfter, 'remove')).toEqual([String(bob.uid)]);
    expect(buttons(adaAfter, 'uninvite')).toEqual([]);
  });

  it('answers alike for an address somebody has and one nobody has', async () => {
    const bob = await person('Bob Bobson');
    // Two senders of the same name, one asking a registered address and one an unknown one.
    const ask = async (email: string) => {
      const sender = await person('Ada Lovelace');
      const browser = await signedInBrowser(server, sender);
      const sent = await browser.submit(await browser.get('/friends.php'), { button: 'request', fields: { friend: email } });
      const page = await browser.get(sent.location!);
      return { status: sent.status, location: sent.location!.replace(encodeURIComponent(email), 'ADDRESS'), text: pageText(page.body).replaceAll(email, 'ADDRESS') };
    };
    const known = await ask(bob.email);
    const unknown = await ask(`nobody.${Date.now()}@example.org`);
    expect(unknown).toEqual(known);
    expect(known.status).toBe(303);
  });

  it('an address nobody has yet: whoever joins with it sees the request', async () => {
    const ada = await person('Ada Lovelace');
    const email = `later.${Date.now()}@example.org`;
    const browser = await signedInBrowser(server, ada);
    await browser.submit(await browser.get('/friends.php'), { button: 'request', fields: { friend: email } });
    const late = await server.services.people.register({ email, password: PASSWORD, name: 'Lee Later' });
    const page = await (await signedInBrowser(server, late)).get('/friends.php');
    expect(pageText(page.body)).toContain('Friend requests Ada Lovelace');
    expect(buttons(page, 'accept')).toEqual([String(ada.uid)]);
  });

  it('declining an invitation takes it off the holder’s list, not the sender’s', async () => {
    const [ada, bob] = [await person('Ada Lovelace'), await person('Bob Bobson')];
    await server.services.friends.invite(ada.uid, bob.email);
    const bobBrowser = await signedInBrowser(server, bob);
    const declined = await press(bobBrowser, await bobBrowser.get('/friends.php'), 'decline', String(ada.uid));
    expect(declined.location).toBe(`${server.url}/friends.php?done=declined&who=${ada.uid}`);
    expect(buttons(await bobBrowser.get('/friends.php'), 'accept')).toEqual([]);
    const adaBrowser = await signedInBrowser(server, ada);
    const adaPage = await adaBrowser.get('/friends.php');
    expect(buttons(adaPage, 'uninvite')).toEqual([bob.email]);
    const taken = await press(adaBrowser, adaPage, 'uninvite', bob.email);
    expect(pageText((await adaBrowser.get(taken.location!)).body)).toContain(`You took back your request to ${bob.email}.`);
    expect(await server.services.friends.invitations(ada.uid)).toEqual([]);
  });

  it('asks by uid; asking someone who already asked you makes you friends at once', async () => {
    const [ada, bob] = [await person('Ada Lovelace'), await person('Bob Bobson')];
    await server.services.friends.request(bob.uid, ada.uid);
    const browser = await signedInBrowser(server, ada);
    const sent = await browser.submit(await browser.get('/friends.php'), { button: 'request', fields: { friend: String(bob.uid) } });
    expect(sent.location).toBe(`${server.url}/friends.php?done=accepted&who=${bob.uid}`);
    expect(await server.services.friends.friendsOf(ada.uid)).toEqual([bob.uid]);
    const again = await browser.submit(await browser.get('/friends.php'), { button: 'request', fields: { friend: String(bob.uid) } });
    expect(pageText((await browser.get(again.location!)).body)).toContain('You and Bob Bobson are already friends.');
    // By address, the answer is the one every address gets.
    const byAddress = await browser.submit(await browser.get('/friends.php'), { button: 'request', fields: { friend: bob.email } });
    expect(byAddress.location).toBe(`${server.url}/friends.php?done=invited&to=${encodeURIComponent(bob.email)}`);
  });

  it('declines, cancels and removes, each telling what happened', async () => {
    const [ada, bob, cleo, dan] = [await person('Ada Lovelace'), await person('Bob Bobson'), await person('Cleo Cleary'), await person('Dan Dennett')];
    await server.services.friends.request(bob.uid, ada.uid);
    await server.services.friends.request(ada.uid, cleo.uid);
    await server.services.friends.addDirectly(ada.uid, dan.uid);
    const browser = await signedInBrowser(server, ada);

    const declined = await press(browser, await browser.get('/friends.php'), 'decline', String(bob.uid));
    expect(pageText((await browser.get(declined.location!)).body)).toContain('You declined Bob Bobson’s request.');
    const cancelled = await press(browser, await browser.get('/friends.php'), 'cancel', String(cleo.uid));
    expect(pageText((await browser.get(cancelled.location!)).body)).toContain('You took back your request to Cleo Cleary.');
    const removed = await press(browser, await browser.get('/friends.php'), 'remove', String(dan.uid));
    const after = await browser.get(removed.location!);
    expect(pageText(after.body)).toContain('Dan Dennett is no longer your friend.');
    expect(pageText(after.body)).toContain('You have no friends here yet.');

    expect(await server.services.friends.pending(ada.uid)).toEqual({ incoming: [], outgoing: [] });
    expect(await server.services.friends.areFriends(ada.uid, bob.uid)).toBe(false);
    expect(await server.services.friends.friendsOf(dan.uid)).toEqual([]);
  });

  it('lists friends by name, escaped, with a Remove button each', async () => {
    const [ada, zed, amy] = [await person('Ada Lovelace'), await person('Zed <b>Zebra</b>'), await person('Amy Adams')];
    await server.services.friends.addDirectly(ada.uid, zed.uid);
    await server.services.friends.addDirectly(ada.uid, amy.uid);
    const page = await (await signedInBrowser(server, ada)).get('/friends.php');
    expect(page.body).toContain('Zed &lt;b&gt;Zebra&lt;/b&gt;');
    expect(page.body).not.toContain('<b>Zebra</b>');
    expect(buttons(page, 'remove')).toEqual([String(amy.uid), String(zed.uid)]);
  });

  it.each([
    ['999999999', 'Nobody on Hearth has the uid “999999999”.'],
    ['not an address', '“not an address” is neither an e-mail address nor a uid.'],
    ['   ', 'Type the e-mail address or uid of the person you want to ask.'],
  ])('refuses a request for %j with the form again', async (typed, message) => {
    const ada = await person('Ada Lovelace');
    const browser = await signedInBrowser(server, ada);
    const refused = await browser.submit(await browser.get('/friends.php'), { button: 'request', fields: { friend: typed } });
    expect(refused.status).toBe(400);
    expect(pageText(refused.body)).toContain(message);
    expect(await server.services.friends.pending(ada.uid)).toEqual({ incoming: [], outgoing: [] });
  });

  it('refuses asking oneself', async () => {
    const ada = await person('Ada Lovelace');
    const browser = await signedInBrowser(server, ada);
    const refused = await browser.submit(await browser.get('/friends.php'), { button: 'request', fields: { friend: ada.email } });
    expect(refused.status).toBe(400);
    expect(pageText(refused.body)).toContain('You cannot be your own friend.');
    expect(refused.body).toContain(`value="${ada.email}"`);
  });

  it('refuses every change without the CSRF token', async () => {
    const [ada, bob, cleo] = [await person('Ada Lovelace'), await person('Bob Bobson'), await person('Cleo Cleary')];
    await server.services.friends.request(bob.uid, ada.uid);
    await server.services.friends.addDirectly(ada.uid, cleo.uid);
    const browser = await signedInBrowser(server, ada);
    const changes: Array<Record<string, string>> = [{ accept: String(bob.uid) }, { decline: String(bob.uid) }, { remove: String(cleo.uid) }, { request: '1', friend: bob.email }];
    for (const fields of changes) {
      const forged = await browser.post('/friends.php', fields);
      expect(forged.status).toBe(403);
      expect(pageText(forged.body)).toContain('This form has expired. Go back and try again.');
      const wrongToken = await browser.post('/friends.php', { ...fields, csrf_token: 'x'.repeat(43) });
      expect(wrongToken.status).toBe(403);
    }
    expect(await server.services.friends.friendsOf(ada.uid)).toEqual([cleo.uid]);
    expect((await server.services.friends.pending(ada.uid)).incoming).toHaveLength(1);
  });

  it('puts the CSRF token in every form', async () => {
    const [ada, bob, cleo, dan] = [await person('Ada Lovelace'), await person('Bob Bobson'), await person('Cleo Cleary'), await person('Dan Dennett')];
    await server.services.friends.request(bob.uid, ada.uid);
    await server.services.friends.request(ada.uid, cleo.uid);
    await server.services.friends.addDirectly(ada.uid, dan.uid);
    const browser = await signedInBrowser(server, ada);
    const list = await server.services.friendLists.create(ada.uid, 'Family');
    await server.services.friendLists.addMember(ada.uid, list.flid, dan.uid);
    const forms = parseForms((await browser.get('/friends.php')).body).filter((form) => form.method === 'post');
    // Accept/decline, remove, cancel, ask; on the list: remove from it, rename/delete; make a list.
    expect(forms).toHaveLength(7);
    for (const form of forms) expect(form.fields).toContainEqual(['csrf_token', browser.cookie('hearth_csrf')]);
  });

  it('ignores changes that name no request or friendship of the person, and changes without a sign-in', async () => {
    const [ada, bob, cleo] = [await person('Ada Lovelace'), await person('Bob Bobson'), await person('Cleo Cleary')];
    // Bob asked Cleo, not Ada: Ada cannot accept or decline it.
    await server.services.friends.request(bob.uid, cleo.uid);
    const browser = await signedInBrowser(server, ada);
    await browser.get('/friends.php');
    const csrf = browser.cookie('hearth_csrf')!;
    const changes: Array<Record<string, string>> = [{ accept: String(bob.uid) }, { decline: String(cleo.uid) }, { remove: 'abc' }, { cancel: '0' }];
    for (const fields of changes) {
      const response = await browser.post('/friends.php', { ...fields, csrf_token: csrf });
      expect(response.status).toBe(303);
      expect(response.location).toBe(`${server.url}/friends.php`);
    }
    expect((await server.services.friends.pending(cleo.uid)).incoming).toHaveLength(1);

    const anonymous = new Browserless(server.url);
    await anonymous.get('/friends.php');
    const response = await anonymous.post('/friends.php', { accept: String(bob.uid), csrf_token: anonymous.cookie('hearth_csrf')! });
    expect(response.status).toBe(303);
    expect(response.location).toBe(`${server.url}/friends.php`);
  });

  it('shows no notice for a made-up done= value', async () => {
    const ada = await person('Ada Lovelace');
    const page = await (await signedInBrowser(server, ada)).get(`/friends.php?done=toString&who=${ada.uid}`);
    expect(page.status).toBe(200);
    expect(page.body).not.toContain('role="status"');
  });

  describe('friend lists', () => {
    /** The names shown on the list `name`, in order. */
    function members(page: PageResponse, name: string): string[] {
      const item = [...page.body.matchAll(/<li class="friend-list">([\s\S]*?)<\/li>\n(?=<li class="friend-list">|<\/ul>)/g)].find((match) => match[1]!.includes(`<h3 class="list-name">${name}</h3>`));
      if (!item) throw new Error(`no list ${name} on the page: ${pageText(page.body)}`);
      return [...item[1]!.matchAll(/<span class="friend-name">([^<]*)<\/span>/g)].map((match) => match[1]!);
    }

    it('makes a list, adds friends to it, takes one off, renames it and deletes it, telling each time', async () => {
      const [ada, bob, cleo] = [await person('Ada Lovelace'), await person('Bob Bobson'), await person('Cleo Cleary')];
      await server.services.friends.addDirectly(ada.uid, bob.uid);
      await server.services.friends.addDirectly(ada.uid, cleo.uid);
      const browser = await signedInBrowser(server, ada);
      const empty = await browser.get('/friends.php');
      expect(pageText(empty.body)).toContain('Friend lists Only you see your lists');

      const made = await browser.submit(empty, { button: 'create_list', fields: { list_name: '  Family  ' } });
      expect(made.status).toBe(303);
      const [list] = await server.services.friendLists.listsOf(ada.uid);
      expect(list).toMatchObject({ name: 'Family', owner: ada.uid });
      expect(made.location).toBe(`${server.url}/friends.php?done=list-created&flid=${list!.flid}`);
      const page = await browser.get(made.location!);
      expect(pageText(page.body)).toContain('You made the list “Family”.');
      expect(pageText(page.body)).toContain('Family Nobody is on this list yet.');

      const added = await browser.submit(page, { button: 'add_to_list', fields: { member: String(cleo.uid) } });
      expect(added.location).toBe(`${server.url}/friends.php?done=listed&flid=${list!.flid}&who=${cleo.uid}`);
      expect(pageText((await browser.get(added.location!)).body)).toContain('Cleo Cleary is now on your list “Family”.');
      await browser.submit(await browser.get('/friends.php'), { button: 'add_to_list', fields: { member: String(bob.uid) } });
      const both = await browser.get('/friends.php');
      expect(members(both, 'Family')).toEqual(['Bob Bobson', 'Cleo Cleary']);
      expect(buttons(both, 'remove_from_list')).toEqual([String(bob.uid), String(cleo.uid)]);
      // Everyone is on it: nobody is left to add.
      expect(buttons(both, 'add_to_list')).toEqual([]);
      expect(await server.services.friendLists.membersOf(ada.uid, list!.flid)).toEqual([bob.uid, cleo.uid]);

      const again = await browser.post('/friends.php', { add_to_list: String(list!.flid), member: String(bob.uid), csrf_token: browser.cookie('hearth_csrf')! });
      expect(pageText((await browser.get(again.location!)).body)).toContain('Bob Bobson is already on your list “Family”.');

      const removed = await press(browser, both, 'remove_from_list', String(bob.uid));
      expect(removed.location).toBe(`${server.url}/friends.php?done=unlisted&flid=${list!.flid}&who=${bob.uid}`);
      const after = await browser.get(removed.location!);
      expect(pageText(after.body)).toContain('Bob Bobson is no longer on your list “Family”.');
      expect(members(after, 'Family')).toEqual(['Cleo Cleary']);

      const renamed = await browser.submit(after, { button: 'rename_list', fields: { list_name: 'Kin' } });
      expect(pageText((await browser.get(renamed.location!)).body)).toContain('Your list is now called “Kin”.');
      const deleted = await press(browser, await browser.get('/friends.php'), 'delete_list', String(list!.flid));
      expect(deleted.location).toBe(`${server.url}/friends.php?done=list-deleted`);
      const gone = await browser.get(deleted.location!);
      expect(pageText(gone.body)).toContain('You deleted the list.');
      expect(gone.body).not.toContain('class="friend-list"');
      expect(await server.services.friendLists.listsOf(ada.uid)).toEqual([]);
    });

    it('takes a friend off the lists when the friendship ends', async () => {
      const [ada, bob] = [await person('Ada Lovelace'), await person('Bob Bobson')];
      await server.services.friends.addDirectly(ada.uid, bob.uid);
      const list = await server.services.friendLists.create(ada.uid, 'Club');
      await server.services.friendLists.addMember(ada.uid, list.flid, bob.uid);
      const browser = await signedInBrowser(server, ada);
      expect(members(await browser.get('/friends.php'), 'Club')).toEqual(['Bob Bobson']);
      await press(browser, await browser.get('/friends.php'), 'remove', String(bob.uid));
      expect(members(await browser.get('/friends.php'), 'Club')).toEqual([]);
      expect(await server.services.friendLists.membersOf(ada.uid, list.flid)).toEqual([]);
    });

    it.each([
      ['   ', 'Give the list a name.'],
      ['x'.repeat(101), 'A list name has at most 100 characters.'],
      ['Tab\there', 'A list name cannot contain control characters.'],
      ['Family', 'You already have a list called “Family”.'],
    ])('refuses the list name %j with the form again', async (typed, message) => {
      const ada = await person('Ada Lovelace');
      await server.services.friendLists.create(ada.uid, 'Family');
      const browser = await signedInBrowser(server, ada);
      const refused = await browser.submit(await browser.get('/friends.php'), { button: 'create_list', fields: { list_name: typed } });
      expect(refused.status).toBe(400);
      expect(pageText(refused.body)).toContain(message);
      expect((await server.services.friendLists.listsOf(ada.uid)).map((list) => list.name)).toEqual(['Family']);
      // The refused rename keeps what was typed in that list's field.
      const renamed = await browser.submit(await browser.get('/friends.php'), { button: 'rename_list', fields: { list_name: typed } });
      expect(renamed.status).toBe(typed === 'Family' ? 303 : 400);
    });

    it('refuses a name another of the lists has when renaming, beside that list', async () => {
      const ada = await person('Ada Lovelace');
      await server.services.friendLists.create(ada.uid, 'Family');
      const club = await server.services.friendLists.create(ada.uid, 'Club');
      const browser = await signedInBrowser(server, ada);
      const page = await browser.get('/friends.php');
      const form = parseForms(page.body).find((candidate) => candidate.buttons.some((button) => button.name === 'rename_list' && button.value === String(club.flid)))!;
      const refused = await browser.post('/friends.php', [...form.fields.filter(([name]) => name !== 'list_name'), ['list_name', 'Family'], ['rename_list', String(club.flid)]]);
      expect(refused.status).toBe(400);
      expect(pageText(refused.body)).toContain('Club Nobody is on this list yet. You already have a list called “Family”. New name for Club');
      expect(refused.body).toContain(`id="list-name-${club.flid}" name="list_name" value="Family"`);
    });

    it('refuses to put someone who is not a friend on a list', async () => {
      const [ada, bob] = [await person('Ada Lovelace'), await person('Bob Bobson')];
      const list = await server.services.friendLists.create(ada.uid, 'Family');
      const browser = await signedInBrowser(server, ada);
      await browser.get('/friends.php');
      const refused = await browser.post('/friends.php', { add_to_list: String(list.flid), member: String(bob.uid), csrf_token: browser.cookie('hearth_csrf')! });
      expect(refused.status).toBe(400);
      expect(pageText(refused.body)).toContain('Only your friends can be on your lists.');
      expect(await server.services.friendLists.membersOf(ada.uid, list.flid)).toEqual([]);
    });

    it("changes nothing on someone else's list, and shows it nowhere", async () => {
      const [ada, bob, cleo] = [await person('Ada Lovelace'), await person('Bob Bobson'), await person('Cleo Cleary')];
      await server.services.friends.addDirectly(bob.uid, cleo.uid);
      await server.services.friends.addDirectly(ada.uid, cleo.uid);
      const theirs = await server.services.friendLists.create(bob.uid, 'Bob’s secret list');
      await server.services.friendLists.addMember(bob.uid, theirs.flid, cleo.uid);
      const browser = await signedInBrowser(server, ada);
      const page = await browser.get('/friends.php');
      expect(page.body).not.toContain('secret');
      const csrf = browser.cookie('hearth_csrf')!;
      const changes: Array<Record<string, string>> = [
        { rename_list: String(theirs.flid), list_name: 'Taken' },
        { delete_list: String(theirs.flid) },
        { add_to_list: String(theirs.flid), member: String(cleo.uid) },
        { remove_from_list: String(cleo.uid), flid: String(theirs.flid) },
        { delete_list: 'abc' },
      ];
      for (const fields of changes) {
        const response = await browser.post('/friends.php', { ...fields, csrf_token: csrf });
        expect(response.status).toBe(303);
        expect(response.location).toBe(`${server.url}/friends.php`);
      }
      expect(await server.services.friendLists.withMembers(bob.uid)).toEqual([{ ...theirs, members: [cleo.uid] }]);
      // A notice naming their list says nothing.
      const notice = await browser.get(`/friends.php?done=listed&flid=${theirs.flid}&who=${cleo.uid}`);
      expect(notice.body).not.toContain('role="status"');
      expect(notice.body).not.toContain('secret');
    });

    it('refuses every list change without the CSRF token', async () => {
      const [ada, bob] = [await person('Ada Lovelace'), await person('Bob Bobson')];
      await server.services.friends.addDirectly(ada.uid, bob.uid);
      const list = await server.services.friendLists.create(ada.uid, 'Family');
      const browser = await signedInBrowser(server, ada);
      await browser.get('/friends.php');
      const changes: Array<Record<string, string>> = [
        { create_list: '1', list_name: 'New' },
        { rename_list: String(list.flid), list_name: 'Other' },
        { delete_list: String(list.flid) },
        { add_to_list: String(list.flid), member: String(bob.uid) },
      ];
      for (const fields of changes) expect((await browser.post('/friends.php', fields)).status).toBe(403);
      expect(await server.services.friendLists.withMembers(ada.uid)).toEqual([{ ...list, members: [] }]);
    });

    it('writes list names escaped', async () => {
      const ada = await person('Ada Lovelace');
      await server.services.friendLists.create(ada.uid, '<b>Bold</b> & co');
      const page = await (await signedInBrowser(server, ada)).get('/friends.php');
      expect(page.body).toContain('<h3 class="list-name">&lt;b&gt;Bold&lt;/b&gt; &amp; co</h3>');
      expect(page.body).not.toContain('<b>Bold</b>');
    });
  });

  it('links the friends page from the other account pages', async () => {
    const ada = await person('Ada Lovelace');
    const page = await (await signedInBrowser(server, ada)).get('/editapps.php');
    expect(page.body).toContain('<a href="/friends.php">Your friends</a>');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFbmlWorld, VIEWER_KINDS, viewerOf, type FbmlWorld, type ViewerKind } from './fbml-test-kit.js';

let world: FbmlWorld;
let ada: string;
let bob: string;
beforeAll(async () => {
  world = await createFbmlWorld();
  ada = String(world.ada.uid);
  bob = String(world.bob.uid);
});
afterAll(() => world.store.close());

async function html(fbml: string, kind: ViewerKind = 'stranger'): Promise<string> {
  return (await world.render(fbml, viewerOf(world, kind))).html;
}

const adaLink = () => `<a href="/profile.php?id=${ada}">Ada Lovelace</a>`;

describe('fbml: fb:name', () => {
  it('is the linked full name for everyone but the person themselves, who reads "you"', async () => {
    const seen: Record<string, string> = {};
    for (const kind of VIEWER_KINDS) seen[kind] = await html(`<fb:name uid="${ada}"/>`, kind);
    expect(seen).toEqual({ owner: 'you', friend: adaLink(), 'app-user stranger': adaLink(), stranger: adaLink(), 'signed out': adaLink() });
  });

  it('understands profileowner and loggedinuser', async () => {
    expect(await html('<fb:name uid="profileowner"/>', 'friend')).toBe(adaLink());
    expect(await html('<fb:name uid="loggedinuser" useyou="false"/>', 'friend')).toBe(`<a href="/profile.php?id=${bob}">Bob Bobson</a>`);
    expect(await html('<fb:name uid="loggedinuser"/>', 'friend')).toBe('you');
  });

  it('useyou="false" names the viewer like anyone else', async () => {
    expect(await html(`<fb:name uid="${ada}" useyou="false"/>`, 'owner')).toBe(adaLink());
  });

  it('you-forms: possessive, reflexive, subjectid, capitalize; never linked', async () => {
    expect(await html(`<fb:name uid="${ada}" possessive="true"/>`, 'owner')).toBe('your');
    expect(await html(`<fb:name uid="${ada}" reflexive="true"/>`, 'owner')).toBe('yourself');
    expect(await html(`<fb:name uid="${ada}" subjectid="${ada}"/>`, 'owner')).toBe('yourself');
    expect(await html(`<fb:name uid="${ada}" possessive="true" capitalize="true"/>`, 'owner')).toBe('Your');
    expect(await html(`<fb:name uid="${ada}" capitalize="true"/>`, 'owner')).toBe('You');
  });

  it('firstnameonly, lastnameonly, linked="false", possessive', async () => {
    expect(await html(`<fb:name uid="${ada}" firstnameonly="true"/>`)).toBe(`<a href="/profile.php?id=${ada}">Ada</a>`);
    expect(await html(`<fb:name uid="${ada}" lastnameonly="true" linked="false"/>`)).toBe('Lovelace');
    expect(await html(`<fb:name uid="${ada}" possessive="true"/>`)).toBe(`${adaLink()}&apos;s`);
    expect(await html(`<fb:name uid="${ada}" possessive="true" linked="false" firstnameonly="true"/>`)).toBe('Ada&apos;s');
  });

  it('a uid that names nobody prints ifcantsee (default "Facebook User") and is reported', async () => {
    const box = await world.render('<fb:name uid="999999"/> and <fb:name uid="999999" ifcantsee="someone"/>', world.dee);
    expect(box.html).toBe('Facebook User and someone');
    expect(box.problems).toEqual(['fb:name: no person with uid 999999']);
    expect(await html('<fb:name uid="loggedinuser"/>', 'signed out')).toBe('Facebook User');
  });

  it('a missing or unreadable uid renders nothing and is reported', async () => {
    const box = await world.render('[<fb:name/>][<fb:name uid="ada"/>]', world.dee);
    expect(box.html).toBe('[][]');
    expect(box.problems).toEqual(['fb:name: required attribute "uid" is missing; removed', 'fb:name: uid "ada" is not a uid, loggedinuser or profileowner; removed']);
  });

  it('ignores attributes it does not know, event handlers included', async () => {
    expect(await html(`<fb:name uid="${ada}" onmouseover="__xss()" style="position:fixed" href="javascript:__xss()"/>`)).toBe(adaLink());
  });

  it('escapes the name', async () => {
    const evil = await world.store.people.create({ email: 'evil@example.org', passwordHash: 'unused', firstName: '<script>__xss()</script>', lastName: '"&\'' });
    expect(await html(`<fb:name uid="${evil.uid}" linked="false"/>`)).toBe('&lt;script&gt;__xss()&lt;/script&gt; &quot;&amp;&apos;');
  });
});

describe('fbml: fb:userlink', () => {
  it('is the linked full name, also for the viewer', async () => {
    expect(await html(`<fb:userlink uid="${ada}"/>`, 'owner')).toBe(adaLink());
  });
});

describe('fbml: fb:pronoun', () => {
  it('you for the viewer; he/she by sex; they when unknown', async () => {
    expect(await html(`<fb:pronoun uid="${ada}"/>`, 'owner')).toBe('you');
    expect(await html(`<fb:pronoun uid="${ada}"/>`)).toBe('she');
    expect(await html(`<fb:pronoun uid="${bob}"/>`)).toBe('he');
    expect(await html(`<fb:pronoun uid="${world.cy.uid}"/>`)).toBe('they');
    expect(await html(`<fb:pronoun uid="${world.cy.uid}" usethey="false"/>`)).toBe('he or she');
  });

  it('possessive, reflexive, objective, capitalize, useyou', async () => {
    expect(await html(`<fb:pronoun uid="${bob}" possessive="true"/>`)).toBe('his');
    expect(await html(`<fb:pronoun uid="${ada}" reflexive="true"/>`)).toBe('herself');
    expect(await html(`<fb:pronoun uid="${ada}" objective="true" capitalize="true"/>`)).toBe('Her');
    expect(await html(`<fb:pronoun uid="${world.cy.uid}" reflexive="true"/>`)).toBe('themself');
    expect(await html(`<fb:pronoun uid="${ada}" possessive="true"/>`, 'owner')).toBe('your');
    expect(await html(`<fb:pronoun uid="${ada}" useyou="false"/>`, 'owner')).toBe('she');
  });

  it('a list of several people is they', async () => {
    expect(await html(`<fb:pronoun uid="${ada},${bob}" reflexive="true"/>`)).toBe('themselves');
  });

  it('needs a uid', async () => {
    const box = await world.render('<fb:pronoun/>', world.dee);
    expect(box.html).toBe('');
    expect(box.problems).toEqual(['fb:pronoun: required attribute "uid" is missing; removed']);
  });
});

describe('fbml: fb:profile-pic', () => {
  it("shows no picture stored at the server's own host", async () => {
    const own = await world.store.people.update(world.cy.uid, { pictureUrl: 'http://hearth.example/logout.php' }, new Date());
    const box = await world.render(`<fb:profile-pic uid="${own!.uid}" linked="false"/>`, world.dee, 'wide', 'hearth.example');
    expect(box.html).not.toContain('<img');
    await world.store.people.update(world.cy.uid, { pictureUrl: null }, new Date());
  });

  const picture = (attributes: string) => `<img src="https://pics.example/ada.jpg" alt="Ada Lovelace" ${attributes}>`;

  it('is the thumbnail linked to the profile by default', async () => {
    expect(await html(`<fb:profile-pic uid="${ada}"/>`)).toBe(`<a href="/profile.php?id=${ada}">${picture('width="50"')}</a>`);
  });

  it('size sets the width (square: both); width/height replace it; linked="false"', async () => {
    expect(await html(`<fb:profile-pic uid="${ada}" size="small" linked="false"/>`)).toBe(picture('width="100"'));
    expect(await html(`<fb:profile-pic uid="${ada}" size="normal" linked="false"/>`)).toBe(picture('width="200"'));
    expect(await html(`<fb:profile-pic uid="${ada}" size="square" linked="false"/>`)).toBe(picture('width="50" height="50"'));
    expect(await html(`<fb:profile-pic uid="${ada}" size="square" width="64" linked="false"/>`)).toBe(picture('width="64"'));
    expect(await html(`<fb:profile-pic uid="${ada}" width="30px" height="40" linked="false"/>`)).toBe(picture('width="30" height="40"'));
  });

  it('reports an unknown size or an unreadable width', async () => {
    const box = await world.render(`<fb:profile-pic uid="${ada}" size="huge" linked="false"/><fb:profile-pic uid="${ada}" width="100%" linked="false"/>`, world.dee);
    expect(box.html).toBe(picture('width="50"') + picture('width="50"'));
    expect(box.problems).toEqual([
      'fb:profile-pic: size "huge" is not thumb, small, normal or square; thumb used',
      'fb:profile-pic: width "100%" is not a number of pixels up to 1000; ignored',
    ]);
  });

  it('shows nothing for a person without a picture', async () => {
    const box = await world.render(`<fb:profile-pic uid="${bob}"/>`, world.dee);
    expect(box).toEqual({ html: '', problems: [] });
  });
});

describe('fbml: fb:user', () => {
  it('shows its content to that user and their friends only', async () => {
    const seen: Record<string, string> = {};
    for (const kind of VIEWER_KINDS) seen[kind] = await html(`<fb:user uid="${bob}">hi <b>Bob's friends</b></fb:user>`, kind);
    const shown = 'hi <b>Bob&apos;s friends</b>';
    expect(seen).toEqual({ owner: shown, friend: shown, 'app-user stranger': '', stranger: '', 'signed out': '' });
  });
});

describe('fbml: fb:user-table', () => {
  it('is a table of linked thumbnails and names, cols to a row; unknown people are left out', async () => {
    const fbml = `<fb:user-table cols="2"> <fb:user-item uid="${ada}"/> <fb:user-item uid="${bob}"/> <fb:user-item uid="${world.cy.uid}"/><fb:user-item uid="424242"/></fb:user-table>`;
    const box = await world.render(fbml, world.dee);
    const cell = (uid: number, name: string, picture?: string) =>
      `<td>${picture ? `<a href="/profile.php?id=${uid}"><img src="${picture}" alt="${name}" width="50"></a><br>` : ''}<a href="/profile.php?id=${uid}">${name}</a></td>`;
    expect(box.html).toBe(
      '<table class="fbml-user-table"><tbody>' +
        `<tr>${cell(world.ada.uid, 'Ada Lovelace', 'https://pics.example/ada.jpg')}${cell(world.bob.uid, 'Bob Bobson')}</tr>` +
        `<tr>${cell(world.cy.uid, 'Cy Young')}</tr>` +
        '</tbody></table>',
    );
    expect(box.problems).toEqual(['fb:user-item: no person with uid 424242']);
  });

  it('has 5 columns by default; fb:user-item elsewhere is removed', async () => {
    const items = [1, 2, 3, 4, 5, 6].map(() => `<fb:user-item uid="${bob}"/>`).join('');
    expect((await html(`<fb:user-table>${items}</fb:user-table>`)).split('<tr>').length - 1).toBe(2);
    const stray = await world.render(`<fb:user-item uid="${bob}"/>`, world.dee);
    expect(stray).toEqual({ html: '', problems: ['fb:user-item: only allowed directly inside fb:user-table; removed'] });
  });
});

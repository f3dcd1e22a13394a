import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderProfileBox } from '../../src/fbml/index.js';
import type { FbmlServices } from '../../src/fbml/index.js';
import type { Person } from '../../src/features/people/records.js';
import { createFbmlWorld, type FbmlWorld } from './fbml-test-kit.js';

let world: FbmlWorld;
beforeAll(async () => {
  world = await createFbmlWorld();
});
afterAll(() => world.store.close());

/** fbml.md §7, stored with profile.setFBML. */
const WORKED_EXAMPLE = `<fb:fbml version="1.1">
<fb:subtitle seeallurl="http://apps.example.org/quiz/all">Latest scores</fb:subtitle>
<fb:wide><fb:name uid="profileowner" useyou="false"/> scored 42.</fb:wide>
<fb:narrow>Score: 42</fb:narrow>
<fb:visible-to-owner>Only you see this hint.</fb:visible-to-owner>
<fb:if-is-own-profile>Your profile<fb:else>Not your profile</fb:else></fb:if-is-own-profile>
</fb:fbml>`;

const SUBTITLE = '<div class="fbml-subtitle"><span class="fbml-subtitle-actions"><a class="fbml-see-all" href="http://apps.example.org/quiz/all">See All</a></span><span class="fbml-subtitle-text">Latest scores</span></div>';

describe('fbml: the worked example of fbml.md §7', () => {
  it('owner, wide column', async () => {
    const box = await world.render(WORKED_EXAMPLE, world.ada, 'wide');
    expect(box).toEqual({
      html: `\n${SUBTITLE}\n<a href="/profile.php?id=${world.ada.uid}">Ada Lovelace</a> scored 42.\n\n<span style="visibility: visible;">Only you see this hint.</span>\nYour profile\n`,
      problems: [],
    });
  });

  it('friend, wide column', async () => {
    const box = await world.render(WORKED_EXAMPLE, world.bob, 'wide');
    expect(box.html).toBe(`\n${SUBTITLE}\n<a href="/profile.php?id=${world.ada.uid}">Ada Lovelace</a> scored 42.\n\n<span style="visibility: hidden;">Only you see this hint.</span>\nNot your profile\n`);
  });

  it('friend, narrow column', async () => {
    const box = await world.render(WORKED_EXAMPLE, world.bob, 'narrow');
    expect(box.html).toBe(`\n${SUBTITLE}\n\nScore: 42\n<span style="visibility: hidden;">Only you see this hint.</span>\nNot your profile\n`);
  });

  it('nobody signed in, main box (narrow)', async () => {
    const box = await world.render(WORKED_EXAMPLE, undefined, 'main');
    expect(box.html).toBe(`\n${SUBTITLE}\n\nScore: 42\n<span style="visibility: hidden;">Only you see this hint.</span>\nNot your profile\n`);
  });
});

describe('fbml: fb:wide and fb:narrow', () => {
  it('wide shows only fb:wide; narrow and main show only fb:narrow; the rest shows everywhere', async () => {
    const fbml = '<fb:wide>W</fb:wide><fb:narrow>N</fb:narrow>*';
    expect((await world.render(fbml, world.dee, 'wide')).html).toBe('W*');
    expect((await world.render(fbml, world.dee, 'narrow')).html).toBe('N*');
    expect((await world.render(fbml, world.dee, 'main')).html).toBe('N*');
  });
});

describe('fbml: fb:subtitle and fb:action', () => {
  it('puts fb:action children and See All in the actions span, separated', async () => {
    const box = await world.render('<fb:subtitle seeallurl="/all">Scores for <fb:name uid="profileowner" linked="false"/><fb:action href="https://quiz.example/new" title="Start">Play</fb:action></fb:subtitle>', world.dee);
    expect(box.html).toBe(
      '<div class="fbml-subtitle"><span class="fbml-subtitle-actions"><a class="fbml-action" title="Start" href="https://quiz.example/new">Play</a> | <a class="fbml-see-all" href="/all">See All</a></span>' +
        '<span class="fbml-subtitle-text">Scores for Ada Lovelace</span></div>',
    );
  });

  it('refuses javascript: in seeallurl and fb:action href, keeping the action text unlinked', async () => {
    const box = await world.render('<fb:subtitle seeallurl=" JaVaScRiPt:__xss()">T<fb:action href="java&#x0A;script:__xss()">Go</fb:action></fb:subtitle>', world.dee);
    expect(box.html).toBe('<div class="fbml-subtitle"><span class="fbml-subtitle-actions"><span class="fbml-action">Go</span></span><span class="fbml-subtitle-text">T</span></div>');
    expect(box.problems).toEqual([
      'fb:action: href "java\\nscript:__xss()" is not an http(s), mailto or relative URL; shown as text',
      'fb:subtitle: seeallurl " JaVaScRiPt:__xss()" is not an http(s), mailto or relative URL; removed',
    ]);
  });

  it('fb:action on its own is a link', async () => {
    expect((await world.render('<fb:action href="http://quiz.example/">Quiz</fb:action>', world.dee)).html).toBe('<a class="fbml-action" href="http://quiz.example/">Quiz</a>');
  });
});

describe('fbml: containers and tags for other places', () => {
  it('fb:fbml is transparent', async () => {
    expect((await world.render('<fb:fbml version="1.0"><b>x</b></fb:fbml>', world.dee)).html).toBe('<b>x</b>');
  });

  it('fb:mobile, fb:profile-action and fb:title render nothing in a box, without a problem', async () => {
    const box = await world.render('a<fb:mobile>m</fb:mobile><fb:profile-action url="http://quiz.example/">Quiz me</fb:profile-action><fb:title>T</fb:title>b', world.ada);
    expect(box).toEqual({ html: 'ab', problems: [] });
  });

  it('unknown and unsupported fb: tags go with their content, reported', async () => {
    const box = await world.render('a<fb:dashboard>d</fb:dashboard><fb:iframe src="http://x.example/"></fb:iframe><FB:Made-Up>x</FB:Made-Up>b', world.ada);
    expect(box).toEqual({
      html: 'ab',
      problems: ['<fb:dashboard>: unknown FBML tag; removed with its content', '<fb:iframe>: iframes are canvas-only; removed with its content', '<fb:made-up>: unknown FBML tag; removed with its content'],
    });
  });
});

describe('fbml: gathering facts', () => {
  /** The real services, counting the calls the renderer makes. */
  function countingServices(): { services: FbmlServices; calls: string[] } {
    const calls: string[] = [];
    const { people, friends, grants } = world.services;
    return {
      calls,
      services: {
        people: { findMany: (uids) => (calls.push(`findMany ${[...uids].sort().join(',')}`), people.findMany(uids)) },
        friends: { friendsOf: (uid) => (calls.push(`friendsOf ${uid}`), friends.friendsOf(uid)) },
        grants: { isAppUser: (uid, appId) => (calls.push(`isAppUser ${uid}`), grants.isAppUser(uid, appId)) },
      },
    };
  }

  it('asks each service once for the whole box, however many tags ask', async () => {
    const { services, calls } = countingServices();
    const { ada, bob, cy } = world;
    const fbml = `<fb:name uid="${ada.uid}"/><fb:name uid="${bob.uid}"/><fb:pronoun uid="${cy.uid}"/><fb:profile-pic uid="${ada.uid}"/>
      <fb:visible-to-friends>f</fb:visible-to-friends><fb:if-is-friends-with-viewer uid="${cy.uid}">c</fb:if-is-friends-with-viewer>
      <fb:visible-to-app-users>a</fb:visible-to-app-users><fb:if-is-app-user>u</fb:if-is-app-user><fb:if-is-app-user uid="${bob.uid}">b</fb:if-is-app-user>`;
    await renderProfileBox({ fbml, ownerUid: ada.uid, viewerUid: cy.uid, appId: world.app.appId, position: 'wide' }, services);
    expect(calls.sort()).toEqual([`findMany ${[ada.uid, bob.uid, cy.uid].sort().join(',')}`, `friendsOf ${cy.uid}`, `isAppUser ${bob.uid}`, `isAppUser ${cy.uid}`]);
  });

  it('asks nothing for a box that needs nothing, and nothing about friends when nobody is signed in', async () => {
    const { services, calls } = countingServices();
    await renderProfileBox({ fbml: '<b>plain</b><fb:if-is-own-profile>x</fb:if-is-own-profile>', ownerUid: world.ada.uid, viewerUid: world.bob.uid, appId: world.app.appId, position: 'wide' }, services);
    await renderProfileBox({ fbml: '<fb:visible-to-friends>x</fb:visible-to-friends>', ownerUid: world.ada.uid, viewerUid: undefined, appId: world.app.appId, position: 'wide' }, services);
    expect(calls).toEqual([]);
  });

  it('accepts the whole Services object', async () => {
    const people: Person[] = await world.services.people.findMany([world.ada.uid]);
    const box = await renderProfileBox({ fbml: '<fb:name uid="profileowner" useyou="false" linked="false"/>', ownerUid: people[0]!.uid, viewerUid: undefined, appId: world.app.appId, position: 'wide' }, world.services);
    expect(box.html).toBe('Ada Lovelace');
  });
});

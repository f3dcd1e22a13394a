import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFbmlWorld, VIEWER_KINDS, viewerOf, type FbmlWorld, type ViewerKind } from './fbml-test-kit.js';

let world: FbmlWorld;
beforeAll(async () => {
  world = await createFbmlWorld();
});
afterAll(() => world.store.close());

async function html(fbml: string, kind: ViewerKind): Promise<string> {
  const box = await world.render(fbml, viewerOf(world, kind));
  return box.html;
}

/** What each viewer kind sees of `fbml`: 'yes' for the true branch, 'no' for fb:else. */
async function branches(fbml: string): Promise<Record<ViewerKind, string>> {
  const seen = {} as Record<ViewerKind, string>;
  for (const kind of VIEWER_KINDS) seen[kind] = await html(fbml, kind);
  return seen;
}

describe('fbml: fb:if-is-own-profile', () => {
  it('renders the seed example: the true branch for the owner, fb:else for everyone else, no trace of the other branch', async () => {
    const seed = '<fb:if-is-own-profile>MyAAA profile! <fb:else> NotAAA my profile!</fb:else> </fb:if-is-own-profile>';
    expect(await branches(seed)).toEqual({
      owner: 'MyAAA profile!  ',
      friend: ' NotAAA my profile!',
      'app-user stranger': ' NotAAA my profile!',
      stranger: ' NotAAA my profile!',
      'signed out': ' NotAAA my profile!',
    });
  });

  it('renders nothing for a false condition without fb:else', async () => {
    expect(await html('a<fb:if-is-own-profile>b</fb:if-is-own-profile>c', 'friend')).toBe('ac');
  });

  it('renders tags inside the branch it takes', async () => {
    const fbml = '<fb:if-is-own-profile><b>mine</b><fb:else><i><fb:name uid="profileowner"/></i></fb:else></fb:if-is-own-profile>';
    expect(await html(fbml, 'owner')).toBe('<b>mine</b>');
    expect(await html(fbml, 'stranger')).toBe(`<i><a href="/profile.php?id=${world.ada.uid}">Ada Lovelace</a></i>`);
  });
});

describe('fbml: fb:if-is-app-user and fb:if-user-has-added-app', () => {
  for (const tag of ['fb:if-is-app-user', 'fb:if-user-has-added-app']) {
    it(`${tag}: asks about the viewer by default`, async () => {
      expect(await branches(`<${tag}>yes<fb:else>no</fb:else></${tag}>`)).toEqual({
        owner: 'yes', friend: 'no', 'app-user stranger': 'yes', stranger: 'no', 'signed out': 'no',
      });
    });
  }

  it('asks about uid when given, whoever looks', async () => {
    const about = (uid: number) => `<fb:if-is-app-user uid="${uid}">yes<fb:else>no</fb:else></fb:if-is-app-user>`;
    expect(await html(about(world.cy.uid), 'signed out')).toBe('yes');
    expect(await html(about(world.bob.uid), 'owner')).toBe('no');
    expect(await html('<fb:if-is-app-user uid="profileowner">yes</fb:if-is-app-user>', 'stranger')).toBe('yes');
  });
});

describe('fbml: fb:if-is-friends-with-viewer', () => {
  it('asks about the profile owner by default; the owner counts as their own friend (includeself)', async () => {
    expect(await branches('<fb:if-is-friends-with-viewer>yes<fb:else>no</fb:else></fb:if-is-friends-with-viewer>')).toEqual({
      owner: 'yes', friend: 'yes', 'app-user stranger': 'no', stranger: 'no', 'signed out': 'no',
    });
  });

  it('includeself="false" leaves the viewer out', async () => {
    expect(await html('<fb:if-is-friends-with-viewer includeself="false">yes<fb:else>no</fb:else></fb:if-is-friends-with-viewer>', 'owner')).toBe('no');
  });

  it('asks about uid when given', async () => {
    const fbml = `<fb:if-is-friends-with-viewer uid="${world.bob.uid}">yes<fb:else>no</fb:else></fb:if-is-friends-with-viewer>`;
    expect(await branches(fbml)).toEqual({ owner: 'yes', friend: 'yes', 'app-user stranger': 'no', stranger: 'no', 'signed out': 'no' });
  });
});

describe('fbml: fb:if-is-user', () => {
  it('is true for the viewers in the comma list', async () => {
    const fbml = `<fb:if-is-user uid="${world.bob.uid}, ${world.dee.uid}">yes<fb:else>no</fb:else></fb:if-is-user>`;
    expect(await branches(fbml)).toEqual({ owner: 'no', friend: 'yes', 'app-user stranger': 'no', stranger: 'yes', 'signed out': 'no' });
  });

  it('understands loggedinuser and profileowner', async () => {
    expect(await html('<fb:if-is-user uid="profileowner">yes<fb:else>no</fb:else></fb:if-is-user>', 'owner')).toBe('yes');
    expect(await html('<fb:if-is-user uid="loggedinuser">yes<fb:else>no</fb:else></fb:if-is-user>', 'stranger')).toBe('yes');
    expect(await html('<fb:if-is-user uid="loggedinuser">yes<fb:else>no</fb:else></fb:if-is-user>', 'signed out')).toBe('no');
  });
});

describe('fbml: fb:if and fb:if-can-see', () => {
  it('fb:if takes value="true" (any case) as true and anything else as false', async () => {
    expect(await html('<fb:if value="true">yes<fb:else>no</fb:else></fb:if>', 'stranger')).toBe('yes');
    expect(await html('<fb:if value="TRUE">yes<fb:else>no</fb:else></fb:if>', 'stranger')).toBe('yes');
    expect(await html('<fb:if value="false">yes<fb:else>no</fb:else></fb:if>', 'owner')).toBe('no');
    expect(await html('<fb:if>yes<fb:else>no</fb:else></fb:if>', 'owner')).toBe('no');
  });

  it('fb:if-can-see: the owner and friends may see the profile', async () => {
    expect(await branches('<fb:if-can-see uid="profileowner" what="profile">yes<fb:else>no</fb:else></fb:if-can-see>')).toEqual({
      owner: 'yes', friend: 'yes', 'app-user stranger': 'no', stranger: 'no', 'signed out': 'no',
    });
  });
});

describe('fbml: fb:else out of place', () => {
  it('is removed and reported', async () => {
    const box = await world.render('a<fb:else>b</fb:else>c<b><fb:else>d</fb:else></b>', world.ada);
    expect(box.html).toBe('ac<b></b>');
    expect(box.problems).toEqual(['fb:else: only allowed directly inside an fb:if-* or fb:visible-to-* tag; removed']);
  });

  it('takes every fb:else child of a conditional, in order', async () => {
    expect(await html('<fb:if value="false">x<fb:else>1</fb:else>y<fb:else>2</fb:else></fb:if>', 'owner')).toBe('12');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFbmlWorld, VIEWER_KINDS, viewerOf, type FbmlWorld, type ViewerKind } from './fbml-test-kit.js';

let world: FbmlWorld;
beforeAll(async () => {
  world = await createFbmlWorld();
});
afterAll(() => world.store.close());

const VISIBLE = '<span style="visibility: visible;">secret</span>';
const HIDDEN = '<span style="visibility: hidden;">secret</span>';

async function seen(tag: string, attributes = ''): Promise<Record<ViewerKind, string>> {
  const result = {} as Record<ViewerKind, string>;
  for (const kind of VIEWER_KINDS) result[kind] = (await world.render(`<${tag}${attributes}>secret</${tag}>`, viewerOf(world, kind))).html;
  return result;
}

describe('fbml: fb:visible-to-* always send their content, visible or hidden', () => {
  it('fb:visible-to-owner', async () => {
    expect(await seen('fb:visible-to-owner')).toEqual({ owner: VISIBLE, friend: HIDDEN, 'app-user stranger': HIDDEN, stranger: HIDDEN, 'signed out': HIDDEN });
  });

  for (const tag of ['fb:visible-to-friends', 'fb:visible-to-connection']) {
    it(`${tag}: the owner and the owner's friends`, async () => {
      expect(await seen(tag)).toEqual({ owner: VISIBLE, friend: VISIBLE, 'app-user stranger': HIDDEN, stranger: HIDDEN, 'signed out': HIDDEN });
    });
  }

  it('fb:visible-to-user: the owner and the named users (a comma list works)', async () => {
    expect(await seen('fb:visible-to-user', ` uid="${world.dee.uid}"`)).toEqual({
      owner: VISIBLE, friend: HIDDEN, 'app-user stranger': HIDDEN, stranger: VISIBLE, 'signed out': HIDDEN,
    });
    expect(await seen('fb:visible-to-user', ` uid="${world.bob.uid},${world.cy.uid}"`)).toEqual({
      owner: VISIBLE, friend: VISIBLE, 'app-user stranger': VISIBLE, stranger: HIDDEN, 'signed out': HIDDEN,
    });
  });

  for (const tag of ['fb:visible-to-app-users', 'fb:visible-to-added-app-users']) {
    it(`${tag}: the owner and viewers who authorized the app`, async () => {
      expect(await seen(tag)).toEqual({ owner: VISIBLE, friend: HIDDEN, 'app-user stranger': VISIBLE, stranger: HIDDEN, 'signed out': HIDDEN });
    });
  }
});

describe('fbml: fb:visible-to-* details', () => {
  it('bgcolor colours the hidden span only, and only with a colour name or #hex', async () => {
    const fbml = (colour: string) => `<fb:visible-to-owner bgcolor="${colour}">x</fb:visible-to-owner>`;
    expect((await world.render(fbml('Red'), world.bob)).html).toBe('<span style="visibility: hidden; background-color: red;">x</span>');
    expect((await world.render(fbml('#A0b0C0'), world.bob)).html).toBe('<span style="visibility: hidden; background-color: #a0b0c0;">x</span>');
    expect((await world.render(fbml('red'), world.ada)).html).toBe('<span style="visibility: visible;">x</span>');
    const refused = await world.render(fbml('red;position:fixed'), world.bob);
    expect(refused.html).toBe('<span style="visibility: hidden;">x</span>');
    expect(refused.problems).toEqual(['fb:visible-to-owner: bgcolor "red;position:fixed" is not a colour name or #rgb/#rrggbb; ignored']);
  });

  it('an fb:else child is sent, after the hidden span, only to viewers who are not allowed', async () => {
    const fbml = '<fb:visible-to-connection>fans only<fb:else>Become a fan!</fb:else></fb:visible-to-connection>';
    expect((await world.render(fbml, world.bob)).html).toBe('<span style="visibility: visible;">fans only</span>');
    expect((await world.render(fbml, world.dee)).html).toBe('<span style="visibility: hidden;">fans only</span>Become a fan!');
  });

  it('renders FBML and HTML inside, for everyone', async () => {
    const fbml = '<fb:visible-to-friends><b>Hi <fb:name uid="loggedinuser" useyou="false" linked="false"/></b></fb:visible-to-friends>';
    expect((await world.render(fbml, world.dee)).html).toBe('<span style="visibility: hidden;"><b>Hi Dee Dee</b></span>');
  });

  it('does not render fb:subtitle inside, even nested in HTML', async () => {
    const box = await world.render('<fb:visible-to-owner><div><fb:subtitle>Title</fb:subtitle>body</div></fb:visible-to-owner>', world.ada);
    expect(box.html).toBe('<span style="visibility: visible;"><div>body</div></span>');
    expect(box.problems).toEqual(['fb:subtitle: not rendered inside fb:visible-to-* tags; removed']);
  });
});

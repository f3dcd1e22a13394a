/**
 * Every vector of test/fixtures/xss-vectors.txt through the renderer, without a browser: the
 * output has no script element, no event-handler attribute, no element off the allow-list, no
 * dangerous URL in any attribute once entities are decoded, and it reads back as itself (so a
 * browser builds the tree we built). test/browser/fbml-xss.test.ts runs the same corpus in Chromium.
 */
import { render as serialize } from 'dom-serializer';
import { parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFbmlWorld, viewerOf, type FbmlWorld, type ViewerKind } from './fbml-test-kit.js';
import { dangers, loadXssVectors } from './fbml-xss-vectors.js';

let world: FbmlWorld;
let VECTORS: string[] = [];
beforeAll(async () => {
  world = await createFbmlWorld();
  VECTORS = loadXssVectors({ owner: world.ada.uid, friend: world.bob.uid });
});
afterAll(() => world.store.close());

describe('fbml: the XSS corpus, rendered', () => {
  it('has at least 120 distinct vectors', () => {
    expect(VECTORS.length).toBeGreaterThanOrEqual(120);
    expect(new Set(VECTORS).size).toBe(VECTORS.length);
  });

  for (const kind of ['owner', 'stranger', 'signed out'] as ViewerKind[]) {
    it(`${kind}: no vector leaves a script, a handler or a dangerous URL`, async () => {
      for (const vector of VECTORS) {
        const box = await world.render(vector, viewerOf(world, kind));
        expect(dangers(box.html), `${vector}\n→ ${box.html}`).toEqual([]);
      }
    });
  }

  it('every output reads back as itself', async () => {
    for (const vector of VECTORS) {
      const { html } = await world.render(vector, world.ada);
      expect(serialize(parseDocument(html).children, { encodeEntities: true }), `${vector}\n→ ${html}`).toBe(html);
    }
  });

  it('the dangers check finds what it looks for', () => {
    const found = dangers('<img src=x onerror=__xss()><a href="jav&#x09;ascript:x">a</a><script>x</script><svg></svg><div style="x:expression(1)"></div>');
    expect(found.sort()).toEqual(['<script', '<script>', '<svg>', 'javascript: in href', 'onerror=', 'style x:expression(1)']);
  });
});

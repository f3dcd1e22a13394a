/**
 * Remembered canvas renders: the same page as a fresh render, a new render whenever what the page
 * shows could differ (the viewer, a name, a friendship, the page's place), never a remembered page
 * where the clock or a signature is printed, and a parsed tree nobody can change.
 */
import { describe, expect, it } from 'vitest';
import { CanvasRenderCache, renderCanvasFbml, type FbmlServices } from '../../src/fbml/index.js';
import { ADA, BOB, canvasRequest, DEE, testServices } from './fbml-canvas-kit.js';

const PAGE = '<fb:title>Quiz</fb:title><p>Hi <fb:name uid="loggedinuser" useyou="false"/>, <fb:name uid="500000002"/> plays too.</p><a href="next.php">Next</a>';

function htmlOf(result: Awaited<ReturnType<typeof renderCanvasFbml>>): string {
  if (result.kind !== 'page') throw new Error(`expected a page, got a redirect to ${result.url}`);
  return result.html;
}

/** The kit's world, with Bob's name as `name` says at the time of each call. */
function renamingServices(name: { last: string }): FbmlServices {
  const base = testServices();
  return {
    ...base,
    people: { findMany: async (uids) => (await base.people.findMany(uids)).map((person) => (person.uid === BOB.uid ? { ...person, lastName: name.last } : person)) },
  };
}

describe('canvas render cache', () => {
  it('answers the same page as a fresh render, for every viewer', async () => {
    const cache = new CanvasRenderCache();
    for (const viewer of [undefined, ADA, DEE]) {
      const fresh = await renderCanvasFbml(canvasRequest(PAGE, viewer));
      expect(await renderCanvasFbml(canvasRequest(PAGE, viewer), cache)).toEqual(fresh);
      expect(await renderCanvasFbml(canvasRequest(PAGE, viewer), cache)).toEqual(fresh);
    }
    const ada = htmlOf(await renderCanvasFbml(canvasRequest(PAGE, ADA), cache));
    expect(ada).toContain('Ada Lovelace');
    expect(htmlOf(await renderCanvasFbml(canvasRequest(PAGE, DEE), cache))).toContain('Dee Dee');
  });

  it('shows a renamed person at once', async () => {
    const cache = new CanvasRenderCache();
    const name = { last: 'Bobson' };
    const services = renamingServices(name);
    expect(htmlOf(await renderCanvasFbml(canvasRequest(PAGE, ADA, { services }), cache))).toContain('Bob Bobson');
    name.last = 'Builder';
    expect(htmlOf(await renderCanvasFbml(canvasRequest(PAGE, ADA, { services }), cache))).toContain('Bob Builder');
  });

  it('follows the page’s place: another page of the canvas, another canvas base', async () => {
    const cache = new CanvasRenderCache();
    const link = '<a href="http://quiz.example/fb/next.php">Next</a>';
    expect(htmlOf(await renderCanvasFbml(canvasRequest(link, ADA), cache))).toContain('href="/apps/quiz/next.php"');
    expect(htmlOf(await renderCanvasFbml(canvasRequest(link, ADA, { canvasBase: '/quiz/' }), cache))).toContain('href="/quiz/next.php"');
  });

  it('renders afresh a page that signs an iframe or shows a date picker', async () => {
    const cache = new CanvasRenderCache();
    let signed = 0;
    const iframeParameters = () => ({ fb_sig_time: String(++signed) });
    const iframe = '<fb:iframe src="http://quiz.example/frame.php"/>';
    const first = htmlOf(await renderCanvasFbml(canvasRequest(iframe, ADA, { iframeParameters }), cache));
    const second = htmlOf(await renderCanvasFbml(canvasRequest(iframe, ADA, { iframeParameters }), cache));
    expect(first).toContain('fb_sig_time=1');
    expect(second).toContain('fb_sig_time=2');

    const picker = '<fb:editor action="save.php"><fb:editor-date label="When" name="when"/></fb:editor>';
    const june = htmlOf(await renderCanvasFbml(canvasRequest(picker, ADA, { now: new Date('2009-06-15T12:00:00Z') }), cache));
    const july = htmlOf(await renderCanvasFbml(canvasRequest(picker, ADA, { now: new Date('2009-07-15T12:00:00Z') }), cache));
    expect(june).not.toBe(july);
  });

  it('keeps each text’s tree frozen, and forgets texts beyond its size', async () => {
    // Room for one tree of PAGE's length (trees are counted at 16 units per character of text).
    const cache = new CanvasRenderCache({ maxBytes: PAGE.length * 16 + 100 });
    const tree = cache.text(PAGE)!.document;
    expect(Object.isFrozen(tree)).toBe(true);
    expect(Object.isFrozen(tree.children)).toBe(true);
    const paragraph = tree.children[1]!;
    expect(Object.isFrozen(paragraph)).toBe(true);
    expect(cache.text(PAGE)!.document).toBe(tree);
    cache.text(`<p>${'x'.repeat(PAGE.length - 7)}</p>`);
    expect(cache.text(PAGE)!.document).not.toBe(tree);
  });

  it('renders a very long page without keeping it', async () => {
    const cache = new CanvasRenderCache();
    const long = `<p>${'word '.repeat(60_000)}</p>`;
    expect(cache.text(long)).toBeUndefined();
    const fresh = await renderCanvasFbml(canvasRequest(long, ADA));
    expect(await renderCanvasFbml(canvasRequest(long, ADA), cache)).toEqual(fresh);
  });
});

/** renderProfileBox: parse, ask the services what the box needs to know, render. */
import { gatherFacts, type FbmlServices } from './box-facts.js';
import { renderParsedBox } from './box-renderer.js';
import type { RenderedBox, RenderRequest } from './fbml-api.js';
import { parseFbml } from './fbml-parser.js';
import { collectNeeds } from './fbml-tags.js';

/**
 * Stored FBML → safe HTML for one viewer of one profile (docs/fbml.md, "How a box is rendered").
 * The services are asked once, in parallel, for everything the box's tags need (people, the
 * viewer's friends, app users); rendering is synchronous after that.
 *
 * @example
 * const box = await renderProfileBox({ fbml, ownerUid: 1, viewerUid: 2, appId: 7, position: 'wide' }, services);
 * // box.html is ready to put inside the page's box element; box.problems is for the app's developer.
 */
export async function renderProfileBox(request: RenderRequest, services: FbmlServices): Promise<RenderedBox> {
  const document = parseFbml(request.fbml);
  const facts = await gatherFacts(collectNeeds(document.children, request), request, services);
  return renderParsedBox(document, request, facts);
}

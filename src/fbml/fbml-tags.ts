/** Every FBML tag the renderer knows, by name, and what it does with the others. */
import { isTag, type ChildNode, type Element } from 'domhandler';
import { FactNeeds } from './box-facts.js';
import type { RenderRequest } from './fbml-api.js';
import { isFbmlTagName } from './fbml-parser.js';
import { platformPagePath } from './platform-links.js';
import type { BoxRender, FbmlDialect, FbmlTag } from './fbml-tag.js';
import type { OutputNode } from './html-nodes.js';
import { CONDITIONAL_TAGS } from './tags/conditional-tags.js';
import { LAYOUT_TAGS } from './tags/layout-tags.js';
import { NAME_TAG, USERLINK_TAG } from './tags/name-tag.js';
import { PRONOUN_TAG } from './tags/pronoun-tag.js';
import { PROFILE_PIC_TAG } from './tags/profile-pic-tag.js';
import { USER_TAGS } from './tags/user-tags.js';
import { VISIBILITY_TAGS } from './tags/visibility-tags.js';
import { allowedUrl } from './url-policy.js';

export const FBML_TAGS: ReadonlyMap<string, FbmlTag> = new Map<string, FbmlTag>([
  ...LAYOUT_TAGS,
  ...CONDITIONAL_TAGS,
  ...VISIBILITY_TAGS,
  ['fb:name', NAME_TAG],
  ['fb:userlink', USERLINK_TAG],
  ['fb:pronoun', PRONOUN_TAG],
  ['fb:profile-pic', PROFILE_PIC_TAG],
  ...USER_TAGS,
]);

/** Real FBML tags that profile boxes do not support, with the reason the developer is told. */
const NOT_IN_PROFILE_BOXES: ReadonlyMap<string, string> = new Map([
  ['fb:iframe', 'iframes are canvas-only'],
  ['fb:redirect', 'redirects are canvas-only'],
  ['fb:ref', 'fb:ref is not supported by this server'],
  ['fb:swf', 'media tags are not supported by this server'],
  ['fb:flv', 'media tags are not supported by this server'],
  ['fb:mp3', 'media tags are not supported by this server'],
]);

/** Profile boxes: unknown and unsupported tags go with their content, reported; URLs by url-policy.ts alone. */
export const PROFILE_DIALECT: FbmlDialect = {
  tags: FBML_TAGS,
  unknownTag(element, box) {
    const reason = NOT_IN_PROFILE_BOXES.get(element.name);
    box.problems.add(`<${element.name}>: ${reason ?? 'unknown FBML tag'}; removed with its content`);
    return [];
  },
  url: (value, use, box) => {
    const allowed = allowedUrl(value, use, box.request.platformHost);
    // A link to the platform's own pages is a link to this server's (platform-links.ts).
    return allowed !== undefined && use === 'link' ? (platformPagePath(allowed) ?? allowed) : allowed;
  },
  urlRule: (use) => (use === 'link' ? 'only http(s), mailto and relative URLs are allowed' : 'only absolute http(s) URLs are allowed'),
};

/** An `fb:` element → its output, by the render's dialect. */
export function renderFbmlTag(element: Element, box: BoxRender): OutputNode[] {
  const tag = box.dialect.tags.get(element.name);
  return tag ? tag.render(element, box) : box.dialect.unknownTag(element, box);
}

/**
 * What every known tag in the parsed box will ask about people, whichever branch ends up shown.
 * A loop over a list, not recursion: the parsed tree may be nested arbitrarily deep.
 */
export function collectNeeds(nodes: readonly ChildNode[], request: RenderRequest, tags: ReadonlyMap<string, FbmlTag> = FBML_TAGS): FactNeeds {
  const needs = new FactNeeds();
  const pending = [...nodes];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (!isTag(node)) continue;
    if (isFbmlTagName(node.name)) tags.get(node.name)?.needs?.(node, request, needs);
    pending.push(...node.children);
  }
  return needs;
}

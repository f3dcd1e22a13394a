/**
 * The tags of a canvas page (docs/canvas-fbml.md): every profile-box tag, with the canvas families
 * beside them, and what a canvas page does with the tags it does not know.
 */
import { Comment } from 'domhandler';
import { canvasPageOf } from '../canvas-page.js';
import type { FbmlDialect, FbmlTag } from '../fbml-tag.js';
import { FBML_TAGS, PROFILE_DIALECT } from '../fbml-tags.js';
import { APP_BAR_TAGS } from './app-bar-tags.js';
import { EDITOR_TAGS } from './editor-tags.js';
import { MESSAGE_TAGS } from './message-tags.js';
import { PAGE_TAGS } from './page-tags.js';
import { REQUEST_FORM_TAGS } from './request-form-tags.js';
import { TAB_TAGS } from './tab-tags.js';

export const CANVAS_TAGS: ReadonlyMap<string, FbmlTag> = new Map<string, FbmlTag>([
  ...FBML_TAGS,
  ...PAGE_TAGS,
  ...APP_BAR_TAGS,
  ...TAB_TAGS,
  ...MESSAGE_TAGS,
  ...EDITOR_TAGS,
  ...REQUEST_FORM_TAGS,
]);

/**
 * Unknown tags show their content (a canvas page is the app's own, and most unknown tags wrap
 * content meant to be seen); developers also get an HTML comment naming the tag.
 */
export const CANVAS_DIALECT: FbmlDialect = {
  tags: CANVAS_TAGS,
  unknownTag(element, box) {
    box.problems.add(`<${element.name}>: unknown FBML tag; its content is shown without it`);
    const content = box.render(element.children);
    if (!canvasPageOf(box).request.developerComments) return content;
    return [new Comment(` FBML: unknown tag <${commentSafe(element.name)}> `), ...content];
  },
  url: (value, use, box) => canvasPageOf(box).url(value, use),
  urlRule: (use) => PROFILE_DIALECT.urlRule(use) + (use === 'form' ? ', and relative ones inside the canvas' : ''),
};

/** A tag name as a comment may hold it: letters, digits and `:_.-`, no `--`, at most 64 characters. */
function commentSafe(name: string): string {
  return name.replace(/[^a-z0-9:_.-]/g, '?').replace(/-{2,}/g, '-').slice(0, 64);
}

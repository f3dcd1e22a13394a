/**
 * `fb:visible-to-*` tags (docs/fbml.md, "Visibility"). Their content is always sent, wrapped in a
 * span that is visible to the allowed viewers and `visibility: hidden` for everyone else, so
 * nothing inside them is secret. The profile owner is always allowed. An `fb:else` child
 * (documented for fb:visible-to-connection, accepted on all of them) is sent, after the hidden
 * span, only to viewers who are not allowed.
 */
import type { Element } from 'domhandler';
import type { FactNeeds } from '../box-facts.js';
import type { RenderRequest } from '../fbml-api.js';
import { resolveUidList } from '../fbml-attributes.js';
import { splitElse, type BoxRender, type FbmlTag } from '../fbml-tag.js';
import { element as htmlElement } from '../html-nodes.js';

function visibleTo(
  allowed: (element: Element, box: BoxRender, viewer: number) => boolean,
  needs?: (element: Element, request: RenderRequest, needs: FactNeeds) => void,
): FbmlTag {
  return {
    needs,
    render(element, box) {
      const viewer = box.request.viewerUid;
      const visible = viewer !== undefined && (viewer === box.request.ownerUid || allowed(element, box, viewer));
      const { main, otherwise } = splitElse(element);
      const content = box.render(main, { inVisibilityTag: true });
      if (visible) return [htmlElement('span', { style: 'visibility: visible;' }, content)];
      const background = solidColour(element.attribs.bgcolor);
      if (element.attribs.bgcolor !== undefined && !background) {
        box.problems.add(`${element.name}: bgcolor ${JSON.stringify(element.attribs.bgcolor)} is not a colour name or #rgb/#rrggbb; ignored`);
      }
      const style = background ? `visibility: hidden; background-color: ${background};` : 'visibility: hidden;';
      return [htmlElement('span', { style }, content), ...box.render(otherwise)];
    },
  };
}

/** A named colour (letters only) or #rgb / #rrggbb, lower-cased; anything else is refused. */
function solidColour(value: string | undefined): string | undefined {
  const colour = value?.trim().toLowerCase();
  if (!colour) return undefined;
  if (colour.startsWith('#')) {
    const hex = colour.slice(1);
    const isHex = [...hex].every((c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    return isHex && (hex.length === 3 || hex.length === 6) ? colour : undefined;
  }
  return colour.length <= 20 && [...colour].every((c) => c >= 'a' && c <= 'z') ? colour : undefined;
}

const friendsOfOwner = visibleTo(
  (_, box) => box.facts.isFriendOfViewer(box.request.ownerUid),
  (_, request, needs) => needs.friendsOfViewer.add(request.ownerUid),
);

const appUsers = visibleTo(
  (_, box, viewer) => box.facts.isAppUser(viewer),
  (_, request, needs) => {
    if (request.viewerUid !== undefined) needs.appUsers.add(request.viewerUid);
  },
);

export const VISIBILITY_TAGS: ReadonlyMap<string, FbmlTag> = new Map<string, FbmlTag>([
  ['fb:visible-to-owner', visibleTo(() => false)],
  ['fb:visible-to-friends', friendsOfOwner],
  ['fb:visible-to-connection', friendsOfOwner],
  // The platform documented one uid; a comma list is accepted too.
  ['fb:visible-to-user', visibleTo((element, box, viewer) => resolveUidList(element.attribs.uid ?? '', box.request).includes(viewer))],
  ['fb:visible-to-app-users', appUsers],
  // Nobody "adds" an app apart from authorizing it here, so it is the same set.
  ['fb:visible-to-added-app-users', appUsers],
]);

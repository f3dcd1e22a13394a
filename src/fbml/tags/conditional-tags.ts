/**
 * `fb:if-*` tags (docs/fbml.md, "Conditionals"): the children render when the condition holds, the
 * `fb:else` children when it does not. Unlike the visibility tags, the branch not taken is never
 * sent.
 */
import type { Element } from 'domhandler';
import type { FactNeeds } from '../box-facts.js';
import type { RenderRequest } from '../fbml-api.js';
import { flag, resolveUidList, uidAttribute } from '../fbml-attributes.js';
import { splitElse, type BoxRender, type FbmlTag } from '../fbml-tag.js';

function conditional(
  holds: (element: Element, box: BoxRender) => boolean,
  needs?: (element: Element, request: RenderRequest, needs: FactNeeds) => void,
): FbmlTag {
  return {
    needs,
    render(element, box) {
      const { main, otherwise } = splitElse(element);
      return box.render(holds(element, box) ? main : otherwise);
    },
  };
}

/** `uid` of fb:if-is-app-user and fb:if-user-has-added-app: the viewer unless given. */
function appUserUid(element: Element, request: RenderRequest): number | undefined {
  return uidAttribute(element, 'uid', request, request.viewerUid);
}

const isAppUser = conditional(
  (element, box) => {
    const uid = appUserUid(element, box.request);
    return uid !== undefined && box.facts.isAppUser(uid);
  },
  (element, request, needs) => {
    const uid = appUserUid(element, request);
    if (uid !== undefined) needs.appUsers.add(uid);
  },
);

/** In a profile box the Cookbook's default (the viewer) is always true, so the owner is asked about. */
function friendUid(element: Element, request: RenderRequest): number | undefined {
  return uidAttribute(element, 'uid', request, request.ownerUid);
}

export const CONDITIONAL_TAGS: ReadonlyMap<string, FbmlTag> = new Map<string, FbmlTag>([
  ['fb:if-is-own-profile', conditional((_, box) => box.request.viewerUid === box.request.ownerUid)],
  ['fb:if-is-app-user', isAppUser],
  // Deprecated; there is no "added" apart from "authorized" here.
  ['fb:if-user-has-added-app', isAppUser],
  [
    'fb:if-is-friends-with-viewer',
    conditional(
      (element, box) => {
        const uid = friendUid(element, box.request);
        const viewer = box.request.viewerUid;
        if (uid === undefined || viewer === undefined) return false;
        return box.facts.isFriendOfViewer(uid) || (uid === viewer && flag(element, 'includeself', true));
      },
      (element, request, needs) => {
        const uid = friendUid(element, request);
        if (uid !== undefined) needs.friendsOfViewer.add(uid);
      },
    ),
  ],
  [
    'fb:if-is-user',
    conditional((element, box) => {
      const viewer = box.request.viewerUid;
      return viewer !== undefined && resolveUidList(element.attribs.uid ?? '', box.request).includes(viewer);
    }),
  ],
  [
    // Hearth has no privacy settings: whoever may see a profile is its owner or a friend.
    'fb:if-can-see',
    conditional(
      (element, box) => {
        const uid = uidAttribute(element, 'uid', box.request, box.request.ownerUid);
        return uid !== undefined && (uid === box.request.viewerUid || box.facts.isFriendOfViewer(uid));
      },
      (element, request, needs) => {
        const uid = uidAttribute(element, 'uid', request, request.ownerUid);
        if (uid !== undefined) needs.friendsOfViewer.add(uid);
      },
    ),
  ],
  ['fb:if', conditional((element) => (element.attribs.value ?? '').trim().toLowerCase() === 'true')],
  [
    'fb:else',
    {
      // Conditional tags read their fb:else children themselves; one reached here has no parent to answer to.
      render(_, box) {
        box.problems.add('fb:else: only allowed directly inside an fb:if-* or fb:visible-to-* tag; removed');
        return [];
      },
    },
  ],
]);

/**
 * links.post: shares a URL on the acting person's wall, with their comment, through the calling
 * app. Answers the new link_id (`<links_post_response …>1000000401</links_post_response>`, JSON
 * the number). The link is a link post (type 80) of the person's stream. See docs/notes-and-links.md.
 */
import { ApiError } from '../../../wire/errors.js';
import { defineMethod, optional, required, text, uid } from '../../../dispatch/method-kit.js';
import { MAX_HREF_LENGTH } from '../../stream/attachment.js';
import { isShareableUrl } from '../link-service.js';

/** The owner's comment, in UTF-16 units as the parameter arrives; the stream shows its first 1,000 characters. */
export const MAX_COMMENT_LENGTH = 5000;

export const linksPost = defineMethod({
  name: 'links.post',
  summary: "Shares a link on the acting person's wall (a link post); answers its link_id. Needs share_item or publish_stream (else 282); a bad url is 1500.",
  params: {
    url: required(text(), `the link: an absolute http or https URL of at most ${MAX_HREF_LENGTH} characters (else 1500)`),
    comment: optional(text(MAX_COMMENT_LENGTH), `the person's comment, at most ${MAX_COMMENT_LENGTH} characters`),
    image: optional(text(), 'an absolute http(s) URL of an image to show as thumbnail; anything else is ignored'),
    uid: optional(uid, 'web apps: the person sharing, who authorized the app, instead of a session; desktop apps: only the session user'),
  },
  answer: 'number',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'], target: { who: 'app-user', otherUserError: 200 } },
  handler: async ({ app, session, targetUid, params, services }) => {
    if (!(await services.grants.hasPermission(targetUid, app.appId, 'share_item', session))) throw new ApiError(282);
    const url = params.url.trim();
    if (!isShareableUrl(url)) throw new ApiError(1500, `url must be an absolute http or https URL of at most ${MAX_HREF_LENGTH} characters`);
    const link = await services.links.post({ owner: targetUid, appId: app.appId, url, comment: params.comment ?? '', image: params.image?.trim() });
    return link.linkId;
  },
});

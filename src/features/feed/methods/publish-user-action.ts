/**
 * feed.publishUserAction (docs/feed-stories.md, "Publishing a story"). Needs a session: the story
 * is the session user's. The answer is the one sample there is, facebooker's fixture: a one-item
 * list whose item follows a whitespace node, because facebooker reads the root's second child.
 */
import { ApiError } from '../../../wire/errors.js';
import { defineMethod, oneOf, optional, positiveId, required, text, uidList } from '../../../dispatch/method-kit.js';
import type { StorySize } from '../records.js';
import { parseTemplateData } from '../template-data.js';

const MAX_TARGETS = 100;
const MAX_MARKUP_LENGTH = 10_000;

export const publishUserAction = defineMethod({
  name: 'feed.publishUserAction',
  summary: "Publishes a story of the session user from one of the app's active template bundles.",
  params: {
    template_bundle_id: required(positiveId(), 'an active bundle of the app'),
    template_data: optional(text(), 'JSON object: custom token → value, plus at most one media key (images, flash, mp3, video)'),
    target_ids: optional(uidList(366, MAX_TARGETS), 'friends of the session user named by {*target*} (JSON array or comma list)'),
    body_general: optional(text(MAX_MARKUP_LENGTH), 'markup added to the body of a short story'),
    story_size: optional(oneOf(['1', '2', '4'], 'story size'), '1 one-line (default), 2 short, 4 full; 2 and 4 need publish_stream'),
    user_message: optional(text(MAX_MARKUP_LENGTH), "the user's own words with the story"),
  },
  answer: 'boolean',
  xml: { scalarAsList: true },
  access: { session: 'required', sessionSecret: true, appTypes: ['web', 'desktop'] },
  handler: async ({ app, session, params, services }) => {
    if (!session.personUsesApp) throw new ApiError(200, `uid ${session.uid} has not authorized this application`);
    await services.feedStories.publish({
      appId: app.appId,
      actorUid: session.uid,
      session,
      bundleId: params.template_bundle_id,
      data: parseTemplateData(params.template_data),
      targetIds: params.target_ids ?? [],
      size: Number(params.story_size ?? '1') as StorySize,
      bodyGeneral: params.body_general,
      userMessage: params.user_message,
    });
    return true;
  },
});

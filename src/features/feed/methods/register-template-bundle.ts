/**
 * feed.registerTemplateBundle (docs/feed-stories.md, "Registering a bundle"). Answers the bundle
 * id inline with no whitespace (facebook-java-api reads the root's text with Long.parseLong);
 * JSON a number. facebooker calls it signed with the app secret and no session.
 */
import { defineMethod, optional, required, text } from '../../../dispatch/method-kit.js';
import { parseBundleContent } from '../bundle-content.js';

/** Generous for a bundle of templates; one call cannot store megabytes. */
const MAX_ARGUMENT_LENGTH = 32 * 1024;

export const registerTemplateBundle = defineMethod({
  name: 'feed.registerTemplateBundle',
  summary: "Registers a bundle of feed story templates for the app; answers its id (the same id for content it already has active).",
  params: {
    one_line_story_templates: required(text(MAX_ARGUMENT_LENGTH), 'JSON array of one-line templates, each beginning with {*actor*} (a single string is one template)'),
    short_story_templates: optional(text(MAX_ARGUMENT_LENGTH), 'JSON array of {"template_title","template_body"} (a single object is one template)'),
    full_story_template: optional(text(MAX_ARGUMENT_LENGTH), 'JSON object {"template_title","template_body"}'),
    action_links: optional(text(MAX_ARGUMENT_LENGTH), 'JSON array of {"text","href"}; both may use tokens'),
  },
  answer: 'number',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'] },
  handler: async ({ app, params, services }) => (await services.templateBundles.register(app.appId, parseBundleContent(params))).bundleId,
});

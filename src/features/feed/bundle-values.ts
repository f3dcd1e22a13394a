/**
 * A bundle as feed.getRegisteredTemplateBundles and feed.getRegisteredTemplateBundleByID write it
 * (docs/feed-stories.md, "Answers"): the Facebook Developer Wiki's example of
 * Feed.getRegisteredTemplateBundleByID and the 2010 schema's `template_bundle` (action links as
 * `stream_action_link`). Parts a bundle lacks are empty lists and an empty full template.
 */
import { ApiList, type ApiObject } from '../../wire/values.js';
import type { StoryTemplate, TemplateBundle } from './records.js';

function storyTemplate(template: StoryTemplate): ApiObject {
  return { template_title: template.title, template_body: template.body };
}

export function bundleValue(bundle: TemplateBundle): ApiObject {
  const { content } = bundle;
  return {
    one_line_story_templates: new ApiList('one_line_story_template', content.oneLine, 'self-closing'),
    short_story_templates: new ApiList('short_story_template', content.short.map(storyTemplate), 'self-closing'),
    full_story_template: content.full ? storyTemplate(content.full) : {},
    action_links: new ApiList('stream_action_link', content.actionLinks.map((link) => ({ text: link.text, href: link.href })), 'self-closing'),
    time_created: Math.floor(bundle.createdAt.getTime() / 1000),
    template_bundle_id: bundle.bundleId,
  };
}

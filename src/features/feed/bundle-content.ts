/**
 * feed.registerTemplateBundle's arguments → a bundle's content, with the platform's checks
 * (docs/feed-stories.md, "Registering a bundle"): JSON that parses (100), at least one one-line
 * template (100), every one-line template and title starting with {*actor*} (100), no reserved
 * media token anywhere (812), action links with text and an http(s) href (811), and markup that
 * checkFbml accepts (100). Pure: no database, no clock.
 */
import { createHash } from 'node:crypto';
import { checkFbml } from '../../fbml/index.js';
import { ApiError, invalidParameter } from '../../wire/errors.js';
import type { ActionLink, BundleContent, StoryTemplate } from './records.js';
import { replaceTokens, reservedTokenIn, startsWithActor } from './story-tokens.js';

/** More than any real bundle had; keeps one registration from storing thousands of templates. */
export const MAX_TEMPLATES_PER_KIND = 50;
export const MAX_ACTION_LINKS = 10;

export interface BundleArguments {
  readonly one_line_story_templates: string;
  readonly short_story_templates?: string | undefined;
  readonly full_story_template?: string | undefined;
  readonly action_links?: string | undefined;
}

function parseJson(raw: string, name: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw invalidParameter(name, 'not valid JSON');
  }
}

function oneLineTemplates(raw: string): string[] {
  const name = 'one_line_story_templates';
  // The pre-June-2008 form: one template, sent as JSON text or (by hand-written clients) as is.
  const value = raw.trimStart().startsWith('{*') ? tryJson(raw) ?? raw : parseJson(raw, name);
  const items = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(items)) throw invalidParameter(name, 'must be a JSON array of strings');
  if (items.length === 0) throw invalidParameter(name, 'at least one one-line template is required');
  if (items.length > MAX_TEMPLATES_PER_KIND) throw invalidParameter(name, `more than ${MAX_TEMPLATES_PER_KIND} templates`);
  return items.map((item, index) => {
    if (typeof item !== 'string' || item.trim() === '') throw invalidParameter(name, `item ${index} is not a non-empty string`);
    return item;
  });
}

function tryJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function storyTemplate(value: unknown, where: string): StoryTemplate {
  if (!isPlainObject(value)) throw invalidParameter(where, 'must be an object with template_title and template_body');
  const title = value.template_title;
  const body = value.template_body ?? '';
  if (typeof title !== 'string' || title.trim() === '') throw invalidParameter(where, 'template_title must be a non-empty string');
  if (typeof body !== 'string') throw invalidParameter(where, 'template_body must be a string');
  return { title, body };
}

function shortTemplates(raw: string | undefined): StoryTemplate[] {
  const name = 'short_story_templates';
  if (raw === undefined) return [];
  const value = parseJson(raw, name);
  const items = isPlainObject(value) ? [value] : value;
  if (!Array.isArray(items)) throw invalidParameter(name, 'must be a JSON array of {"template_title","template_body"} objects');
  if (items.length > MAX_TEMPLATES_PER_KIND) throw invalidParameter(name, `more than ${MAX_TEMPLATES_PER_KIND} templates`);
  return items.map((item, index) => storyTemplate(item, `${name} item ${index}`));
}

function fullTemplate(raw: string | undefined): StoryTemplate | null {
  if (raw === undefined) return null;
  return storyTemplate(parseJson(raw, 'full_story_template'), 'full_story_template');
}

/** An href must be an absolute http(s) URL once its tokens are filled; a token may stand for any part after the scheme. */
function isLinkTarget(href: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(replaceTokens(href.trim(), () => 'token'));
}

function actionLinks(raw: string | undefined): ActionLink[] {
  if (raw === undefined) return [];
  const value = parseJson(raw, 'action_links');
  if (!Array.isArray(value)) throw new ApiError(811, 'action_links must be a JSON array of {"text","href"} objects');
  if (value.length > MAX_ACTION_LINKS) throw new ApiError(811, `more than ${MAX_ACTION_LINKS} action links`);
  return value.map((item, index) => {
    if (!isPlainObject(item)) throw new ApiError(811, `action link ${index} is not an object`);
    const { text, href } = item;
    if (typeof text !== 'string' || text.trim() === '') throw new ApiError(811, `action link ${index} has no text`);
    if (typeof href !== 'string' || !isLinkTarget(href)) throw new ApiError(811, `action link ${index} needs an http(s) href`);
    return { text, href: href.trim() };
  });
}

/** Each template with the parameter it came from, for the checks and their messages. */
function namedTemplates(content: BundleContent): Array<{ where: string; text: string; titled: boolean }> {
  return [
    ...content.oneLine.map((text, index) => ({ where: `one_line_story_templates item ${index}`, text, titled: true })),
    ...content.short.flatMap((template, index) => [
      { where: `short_story_templates item ${index} template_title`, text: template.title, titled: true },
      { where: `short_story_templates item ${index} template_body`, text: template.body, titled: false },
    ]),
    ...(content.full
      ? [
          { where: 'full_story_template template_title', text: content.full.title, titled: true },
          { where: 'full_story_template template_body', text: content.full.body, titled: false },
        ]
      : []),
  ];
}

export function parseBundleContent(args: BundleArguments): BundleContent {
  const content: BundleContent = {
    oneLine: oneLineTemplates(args.one_line_story_templates),
    short: shortTemplates(args.short_story_templates),
    full: fullTemplate(args.full_story_template),
    actionLinks: actionLinks(args.action_links),
  };
  const templates = namedTemplates(content);
  const links = content.actionLinks.flatMap((link, index) => [
    { where: `action link ${index} text`, text: link.text },
    { where: `action link ${index} href`, text: link.href },
  ]);
  for (const { where, text } of [...templates, ...links]) {
    const reserved = reservedTokenIn(text);
    if (reserved !== undefined) throw new ApiError(812, `${where} uses {*${reserved}*}`);
  }
  for (const { where, text, titled } of templates) {
    if (titled && !startsWithActor(text)) throw invalidParameter(where, 'must begin with {*actor*}');
    const [problem] = checkFbml(text);
    if (problem !== undefined) throw invalidParameter(where, problem);
  }
  return content;
}

/** The same content always hashes alike, whatever the JSON spacing the client used. */
export function contentHash(content: BundleContent): string {
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

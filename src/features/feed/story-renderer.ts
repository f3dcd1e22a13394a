/**
 * A story from a bundle (docs/feed-stories.md, "Publishing a story"): which template of the
 * requested size is used, and the template's tokens filled. Pure: the names and values come in,
 * FBML text comes out; story-markup.ts makes it safe HTML.
 *
 * Names are links to profiles, escaped as text, so a person's name can never become markup.
 * Custom values are FBML themselves (an app may put `<a href>` in one) and are given here already
 * sanitised, one by one, so that a value cannot close or reopen an element of the template.
 */
import escapeHtml from 'escape-html';
import type { ActionLink, BundleContent, StorySize, StoryTemplate } from './records.js';
import { ACTOR_TOKEN, customTokensOf, replaceTokens, TARGET_TOKEN, tokensOf } from './story-tokens.js';

export interface StoryPerson {
  readonly uid: number;
  readonly name: string;
}

/** "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** A person's name linked to their profile page. */
export function personLink(person: StoryPerson): string {
  return `<a href="/profile.php?id=${person.uid}">${escapeHtml(person.name)}</a>`;
}

/**
 * Whether a template can be published with these values: each custom token has a value, and
 * {*target*} is used only when there are targets.
 */
export function templateFits(texts: readonly string[], values: ReadonlyMap<string, string>, hasTargets: boolean): boolean {
  return texts.every((text) => {
    if (!hasTargets && tokensOf(text).includes(TARGET_TOKEN)) return false;
    return customTokensOf(text).every((name) => values.has(name));
  });
}

/** The template a story of `size` is made from (title and body; a one-line story has no body). */
export interface ChosenTemplate {
  readonly size: StorySize;
  readonly template: StoryTemplate;
}

/**
 * The first template of the size that fits. A size the bundle has no templates for falls back to
 * one-line stories; a size that has templates, none of which fit, chooses nothing (367).
 */
export function chooseTemplate(
  content: BundleContent,
  size: StorySize,
  values: ReadonlyMap<string, string>,
  hasTargets: boolean,
): ChosenTemplate | undefined {
  const candidates: Record<StorySize, readonly StoryTemplate[]> = {
    1: content.oneLine.map((title) => ({ title, body: '' })),
    2: content.short,
    4: content.full ? [content.full] : [],
  };
  const effective: StorySize = candidates[size].length > 0 ? size : 1;
  const template = candidates[effective].find((candidate) => templateFits([candidate.title, candidate.body], values, hasTargets));
  return template && { size: effective, template };
}

export interface TokenFills {
  readonly actor: StoryPerson;
  readonly targets: readonly StoryPerson[];
  /** Custom token → its value, already safe markup. */
  readonly values: ReadonlyMap<string, string>;
}

/** The template's tokens replaced: names as profile links, custom tokens by their values. */
export function fillTemplate(template: string, fills: TokenFills): string {
  return replaceTokens(template, (name) => {
    if (name === ACTOR_TOKEN) return personLink(fills.actor);
    if (name === TARGET_TOKEN) return joinNames(fills.targets.map(personLink));
    return fills.values.get(name) ?? '';
  });
}

/**
 * An action link with its tokens filled as plain text: the actor's and targets' names, and the
 * values with their markup removed (`plainValues`). An href that is no longer an http(s) URL is
 * dropped, as is a link whose tokens have no value.
 */
export function fillActionLink(link: ActionLink, fills: TokenFills, plainValues: ReadonlyMap<string, string>): ActionLink | undefined {
  if (!templateFits([link.text, link.href], plainValues, fills.targets.length > 0)) return undefined;
  const plain = (name: string, inUrl: boolean): string => {
    const value =
      name === ACTOR_TOKEN ? fills.actor.name : name === TARGET_TOKEN ? joinNames(fills.targets.map((target) => target.name)) : plainValues.get(name) ?? '';
    return inUrl ? encodeURIComponent(value) : value;
  };
  const href = replaceTokens(link.href, (name) => plain(name, true));
  if (!/^https?:\/\/[^\s]+$/i.test(href)) return undefined;
  return { text: replaceTokens(link.text, (name) => plain(name, false)), href };
}

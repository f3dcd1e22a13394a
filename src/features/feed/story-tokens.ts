/**
 * The tokens of feed templates: `{*name*}`. Pure functions, shared by the registration checks and
 * the story renderer (docs/feed-stories.md, "Tokens").
 */

/** Media the platform renders from template_data itself; a template may not write them as tokens (812). */
export const RESERVED_TOKENS: ReadonlySet<string> = new Set(['images', 'flash', 'mp3', 'video']);

/** Tokens the platform fills: the actor's name and the targets' names. */
export const ACTOR_TOKEN = 'actor';
export const TARGET_TOKEN = 'target';

// A token name is what the platform's examples use: letters, digits, underscores.
const TOKEN = /\{\*([A-Za-z0-9_]+)\*\}/g;

/** The names of the tokens in `template`, in order of first use. */
export function tokensOf(template: string): string[] {
  return [...new Set([...template.matchAll(TOKEN)].map((match) => match[1]!))];
}

/** The tokens whose values come from template_data. */
export function customTokensOf(template: string): string[] {
  return tokensOf(template).filter((name) => name !== ACTOR_TOKEN && name !== TARGET_TOKEN);
}

/** Every one-line template and every story title must begin with the actor (leading blanks allowed). */
export function startsWithActor(template: string): boolean {
  return template.trimStart().startsWith(`{*${ACTOR_TOKEN}*}`);
}

/** The first reserved token `template` uses, if any. */
export function reservedTokenIn(template: string): string | undefined {
  return tokensOf(template).find((name) => RESERVED_TOKENS.has(name));
}

/** Replaces each token by `fill(name)`; text around tokens is kept as it is. */
export function replaceTokens(template: string, fill: (name: string) => string): string {
  return template.replace(TOKEN, (_, name: string) => fill(name));
}

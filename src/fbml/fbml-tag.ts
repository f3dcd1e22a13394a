/** The shape of one FBML tag's implementation (tags/*.ts), and what it gets to render with. */
import { isTag, type ChildNode, type Element } from 'domhandler';
import type { BoxFacts, FactNeeds } from './box-facts.js';
import type { RenderRequest } from './fbml-api.js';
import type { OutputNode } from './html-nodes.js';
import type { ProblemLog } from './problem-log.js';
import type { UrlUse } from './url-policy.js';

/** Where in the box a node is being rendered. */
export interface BoxScope {
  /**
   * Inside an `fb:visible-to-*` tag, where title and subtitle tags do not render
   * (docs/fbml.md, "Visibility").
   */
  readonly inVisibilityTag: boolean;
}

/** One render of one box: its request, the facts gathered for it, and its problem list. */
export interface BoxRender {
  readonly request: RenderRequest;
  readonly facts: BoxFacts;
  readonly problems: ProblemLog;
  readonly scope: BoxScope;
  /** Which tags this render knows and how it judges URLs: a profile box's, or a canvas page's. */
  readonly dialect: FbmlDialect;
  /** Renders parsed FBML (tags, HTML, text) into output nodes, optionally in a narrower scope. */
  render(nodes: readonly ChildNode[], scope?: Partial<BoxScope>): OutputNode[];
}

export interface FbmlTag {
  /** Notes what the tag will ask about people, so it can be fetched before rendering. */
  needs?(element: Element, request: RenderRequest, needs: FactNeeds): void;
  /** The tag's output; nothing for a tag that shows nothing to this viewer. */
  render(element: Element, box: BoxRender): OutputNode[];
}

/**
 * What differs between the places FBML is shown (a profile box, a canvas page): the tags known
 * there, what becomes of the others, and which URLs the HTML and the tags may carry.
 */
export interface FbmlDialect {
  readonly tags: ReadonlyMap<string, FbmlTag>;
  /** An `fb:` element that is not in `tags`. */
  unknownTag(element: Element, box: BoxRender): OutputNode[];
  /** The URL to emit for `value` used as `use`, or `undefined` when it is refused (url-policy.ts). */
  url(value: string, use: UrlUse, box: BoxRender): string | undefined;
  /** What `url` allows for `use`, in words, for the developer told that a URL was refused. */
  urlRule(use: UrlUse): string;
}

/** `fb:else` children of a conditional tag, and everything else. */
export function splitElse(element: Element): { readonly main: ChildNode[]; readonly otherwise: ChildNode[] } {
  const main: ChildNode[] = [];
  const otherwise: ChildNode[] = [];
  for (const child of element.children) {
    if (isTag(child) && child.name === 'fb:else') otherwise.push(...child.children);
    else main.push(child);
  }
  return { main, otherwise };
}

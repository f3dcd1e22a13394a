/**
 * The synchronous half of rendering: a parsed box plus the facts gathered for it → safe HTML.
 * FBML tags go to their implementations (fbml-tags.ts), HTML to the allow-list
 * (html-sanitizer.ts); comments, CDATA and declarations are dropped; the output tree is then made
 * parser-stable (html-structure.ts) and written out by dom-serializer, which escapes every text
 * and attribute value.
 */
import { render as serialize } from 'dom-serializer';
import { isTag, isText, type ChildNode, type Document } from 'domhandler';
import type { BoxFacts } from './box-facts.js';
import type { RenderedBox, RenderRequest } from './fbml-api.js';
import { isFbmlTagName } from './fbml-parser.js';
import type { BoxRender, BoxScope, FbmlDialect } from './fbml-tag.js';
import { PROFILE_DIALECT, renderFbmlTag } from './fbml-tags.js';
import { renderHtmlElement } from './html-sanitizer.js';
import { normaliseStructure } from './html-structure.js';
import { text, type OutputNode } from './html-nodes.js';
import { ProblemLog } from './problem-log.js';

const TOP_SCOPE: BoxScope = { inVisibilityTag: false };

/**
 * Real boxes nest a few dozen levels at most. Deeper content is dropped, so that a 64 KB run of
 * `<b>` cannot exhaust the stack of the recursive steps (render, structure, serialiser) and take the
 * profile page down with it.
 */
export const MAX_NESTING = 128;

/** Shared by every scope of one render. */
interface RenderState {
  depth: number;
  readonly dialect: FbmlDialect;
}

export function renderParsedBox(document: Document, request: RenderRequest, facts: BoxFacts, dialect: FbmlDialect = PROFILE_DIALECT): RenderedBox {
  const problems = new ProblemLog();
  const box = boxRender(request, facts, problems, TOP_SCOPE, { depth: 0, dialect });
  const output = normaliseStructure(box.render(document.children), problems);
  // Everything outside printable ASCII and all of & < > " ' become character references, in text and
  // in attribute values alike: the box reads the same whatever the page's encoding, and no attribute
  // value contains markup characters for a careless consumer to trip over.
  return { html: serialize(output, { encodeEntities: true }), problems: problems.list() };
}

function boxRender(request: RenderRequest, facts: BoxFacts, problems: ProblemLog, scope: BoxScope, state: RenderState): BoxRender {
  const box: BoxRender = {
    request,
    facts,
    problems,
    scope,
    dialect: state.dialect,
    render(nodes, narrower) {
      if (state.depth >= MAX_NESTING) {
        problems.add(`markup nested more than ${MAX_NESTING} levels deep: the deeper content is removed`);
        return [];
      }
      const inner = narrower ? boxRender(request, facts, problems, { ...scope, ...narrower }, state) : box;
      const output: OutputNode[] = [];
      state.depth++;
      for (const node of nodes) output.push(...renderNode(node, inner));
      state.depth--;
      return output;
    },
  };
  return box;
}

function renderNode(node: ChildNode, box: BoxRender): OutputNode[] {
  if (isText(node)) return [text(node.data)];
  if (!isTag(node)) return [];
  return isFbmlTagName(node.name) ? renderFbmlTag(node, box) : renderHtmlElement(node, box);
}

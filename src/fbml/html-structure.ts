/**
 * Puts the output tree into a shape that a browser's HTML parser rebuilds exactly, inside the
 * element the page wraps the box in. Browsers do not simply nest what they are given: a `<td>`
 * outside any table of the box would end a table cell of the page around it, an `<li>` outside a
 * list of the box would end a list item of the page, a nested `<form>` or `<a>` closes the outer
 * one. So an element that needs a parent gets it from the box or is unwrapped (its content kept),
 * and the table and select elements, which take only certain children, lose the others.
 */
import { isTag, isText } from 'domhandler';
import { text, type OutputNode } from './html-nodes.js';
import type { ProblemLog } from './problem-log.js';

const TABLE_PARTS = new Set(['table', 'thead', 'tbody', 'tfoot']);

/** An element whose parent is not one of these is unwrapped. Browsers add a missing `tbody`/`tr` themselves. */
const REQUIRED_PARENTS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['td', new Set([...TABLE_PARTS, 'tr'])],
  ['th', new Set([...TABLE_PARTS, 'tr'])],
  ['tr', TABLE_PARTS],
  ['thead', new Set(['table'])],
  ['tbody', new Set(['table'])],
  ['tfoot', new Set(['table'])],
  ['caption', new Set(['table'])],
  ['li', new Set(['ul', 'ol'])],
  ['dd', new Set(['dl'])],
  ['dt', new Set(['dl'])],
  ['option', new Set(['select', 'optgroup'])],
  ['optgroup', new Set(['select'])],
]);

/** Children these may have (besides whitespace); browsers move or ignore anything else. */
const ALLOWED_CHILDREN: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['table', new Set(['caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th'])],
  ['thead', new Set(['tr', 'td', 'th'])],
  ['tbody', new Set(['tr', 'td', 'th'])],
  ['tfoot', new Set(['tr', 'td', 'th'])],
  ['tr', new Set(['td', 'th'])],
  ['select', new Set(['option', 'optgroup'])],
  ['optgroup', new Set(['option'])],
]);

/** Browsers read only text inside these. */
const TEXT_ONLY = new Set(['option', 'textarea']);

/** Groups of elements that may not contain one another; the inner one is unwrapped. */
const NO_NESTING: ReadonlyMap<string, string> = new Map([
  ['a', 'a'],
  ['form', 'form'],
  ['h1', 'heading'], ['h2', 'heading'], ['h3', 'heading'], ['h4', 'heading'], ['h5', 'heading'], ['h6', 'heading'],
]);

export function normaliseStructure(nodes: readonly OutputNode[], problems: ProblemLog): OutputNode[] {
  return normaliseChildren(nodes, undefined, new Set(), problems);
}

function normaliseChildren(nodes: readonly OutputNode[], parent: string | undefined, openGroups: ReadonlySet<string>, problems: ProblemLog): OutputNode[] {
  const allowedChildren = parent === undefined ? undefined : ALLOWED_CHILDREN.get(parent);
  const result: OutputNode[] = [];
  for (const node of nodes) {
    if (!isTag(node)) {
      if (allowedChildren && isText(node) && node.data.trim() !== '') problems.add(`text directly inside <${parent}>: removed`);
      else result.push(node);
      continue;
    }
    const name = node.name;
    const required = REQUIRED_PARENTS.get(name);
    const group = NO_NESTING.get(name);
    const misplaced = required !== undefined && !(parent !== undefined && required.has(parent));
    const nested = group !== undefined && openGroups.has(group);
    if (misplaced || nested) {
      const where = misplaced ? `outside ${[...required].map((tag) => `<${tag}>`).join('/')}` : `inside another ${group === 'heading' ? 'heading' : `<${group}>`}`;
      problems.add(`<${name}> ${where}: shown without the tag`);
      result.push(...normaliseChildren(node.children, parent, openGroups, problems));
      continue;
    }
    if (allowedChildren && !allowedChildren.has(name)) {
      problems.add(`<${name}> directly inside <${parent}>: removed with its content`);
      continue;
    }
    const groups = group ? new Set([...openGroups, group]) : openGroups;
    node.children = TEXT_ONLY.has(name) ? textOf(node.children) : normaliseChildren(node.children, name, groups, problems);
    result.push(node);
  }
  return result;
}

function textOf(nodes: readonly OutputNode[]): OutputNode[] {
  let data = '';
  const collect = (children: readonly OutputNode[]) => {
    for (const child of children) {
      if (isText(child)) data += child.data;
      else if (isTag(child)) collect(child.children);
    }
  };
  collect(nodes);
  return data === '' ? [] : [text(data)];
}

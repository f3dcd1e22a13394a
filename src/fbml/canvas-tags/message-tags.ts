/**
 * fb:error, fb:explanation and fb:success (docs/canvas-fbml.md, "Messages"): a box with a
 * heading (the `message` attribute, or the first fb:message child) and the rest as its detail.
 */
import { isTag, isText, type Element } from 'domhandler';
import type { BoxRender, FbmlTag } from '../fbml-tag.js';
import { element as htmlElement, text, type OutputNode } from '../html-nodes.js';

function messageBox(kind: 'error' | 'explanation' | 'success'): FbmlTag {
  return {
    render(element: Element, box: BoxRender): OutputNode[] {
      const headingChild = element.children.find((child): child is Element => isTag(child) && child.name === 'fb:message');
      const heading = element.attribs.message !== undefined ? [text(element.attribs.message)] : headingChild ? box.render(headingChild.children) : [];
      const detail = box.render(element.children.filter((child) => child !== headingChild));
      const parts: OutputNode[] = [];
      if (heading.length > 0) parts.push(htmlElement('h2', { class: 'fbml-message-title' }, heading));
      if (detail.some((node) => !isText(node) || node.data.trim() !== '')) {
        parts.push(htmlElement('div', { class: 'fbml-message-body' }, detail));
      }
      if (parts.length === 0) box.problems.add(`${element.name}: no message and no detail; removed`);
      return parts.length === 0 ? [] : [htmlElement('div', { class: `fbml-message fbml-${kind}` }, parts)];
    },
  };
}

export const MESSAGE_TAGS: ReadonlyMap<string, FbmlTag> = new Map<string, FbmlTag>([
  ['fb:error', messageBox('error')],
  ['fb:explanation', messageBox('explanation')],
  ['fb:success', messageBox('success')],
  [
    'fb:message',
    {
      // Read by its message box; one outside a box still says what it says.
      render(element, box) {
        box.problems.add('fb:message: only the heading of fb:error, fb:explanation or fb:success; shown as text');
        return box.render(element.children);
      },
    },
  ],
]);

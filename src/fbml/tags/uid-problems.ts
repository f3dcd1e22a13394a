/** The one way user tags read their required `uid` and say what is wrong with it. */
import type { Element } from 'domhandler';
import { isUidText, resolveUid } from '../fbml-attributes.js';
import type { BoxRender } from '../fbml-tag.js';

/**
 * The uid a tag's `uid` attribute names. `null` (and a problem) when it is missing or not a uid;
 * `undefined` when it is readable but names nobody here (`loggedinuser`, nobody signed in).
 */
export function requiredUid(element: Element, box: BoxRender): number | undefined | null {
  const value = element.attribs.uid;
  if (value === undefined) {
    box.problems.add(`${element.name}: required attribute "uid" is missing; removed`);
    return null;
  }
  if (!isUidText(value)) {
    box.problems.add(`${element.name}: uid ${JSON.stringify(value)} is not a uid, loggedinuser or profileowner; removed`);
    return null;
  }
  return resolveUid(value, box.request);
}

/**
 * The app's own bars at the top of a canvas page (docs/canvas-fbml.md, "Dashboard and headers"):
 * fb:dashboard with its fb:action, fb:help and fb:create-button children, fb:header and
 * fb:media-header. The app's name and icon come from the request, never from the markup.
 */
import { isTag, type Element } from 'domhandler';
import { canvasPageOf } from '../canvas-page.js';
import { flag } from '../fbml-attributes.js';
import type { BoxRender, FbmlTag } from '../fbml-tag.js';
import { element as htmlElement, text, type OutputNode } from '../html-nodes.js';
import { fullName, pictureImage, PICTURE_SIZES, profileLink } from '../people-output.js';
import { actionLink, separated } from '../tags/layout-tags.js';
import { needsPerson } from '../tags/name-tag.js';
import { requiredUid } from '../tags/uid-problems.js';
import { isBlank, linkOrSpan, tagLink } from './tag-kit.js';

/** The app's icon, when its settings name one this page may show. */
function appIcon(box: BoxRender): OutputNode[] {
  const icon = canvasPageOf(box).request.app.iconUrl;
  const src = icon ? box.dialect.url(icon, 'image', box) : undefined;
  return src === undefined ? [] : [htmlElement('img', { class: 'fbml-app-icon', src, alt: '' })];
}

function helpLink(element: Element, box: BoxRender): OutputNode {
  const content = box.render(element.children);
  const attributes: Record<string, string> = { class: 'fbml-help' };
  if (element.attribs.title !== undefined) attributes.title = element.attribs.title;
  return linkOrSpan(tagLink(element, 'href', box, true), attributes, content.length > 0 ? content : [text('Help')]);
}

function createButton(element: Element, box: BoxRender): OutputNode {
  const attributes: Record<string, string> = { class: 'fbml-create-button' };
  if (element.attribs.title !== undefined) attributes.title = element.attribs.title;
  return linkOrSpan(tagLink(element, 'href', box, true), attributes, [htmlElement('span', { class: 'fbml-create-plus' }, [text('+')]), text(' '), ...box.render(element.children)]);
}

/**
 * `<div class="fbml-dashboard">`: the title line (icon, app name, help links on the right), then
 * the action links, then the create button. Other children are not part of a dashboard.
 */
function dashboard(element: Element, box: BoxRender): OutputNode[] {
  const actions: OutputNode[] = [];
  const help: OutputNode[] = [];
  let create: OutputNode | undefined;
  for (const child of element.children) {
    if (isBlank(child)) continue;
    if (!isTag(child)) box.problems.add('fb:dashboard: only fb:action, fb:help and fb:create-button belong in it; text removed');
    else if (child.name === 'fb:action') actions.push(actionLink(child, box));
    else if (child.name === 'fb:help') help.push(helpLink(child, box));
    else if (child.name === 'fb:create-button') {
      if (create === undefined) create = createButton(child, box);
      else box.problems.add('fb:dashboard: only one fb:create-button is shown; the others are removed');
    } else box.problems.add(`fb:dashboard: only fb:action, fb:help and fb:create-button belong in it; <${child.name}> removed`);
  }
  const title: OutputNode[] = [...appIcon(box), htmlElement('span', { class: 'fbml-dashboard-name' }, [text(canvasPageOf(box).request.app.name)])];
  if (help.length > 0) title.unshift(htmlElement('span', { class: 'fbml-dashboard-help' }, separated(help)));
  const parts: OutputNode[] = [htmlElement('div', { class: 'fbml-dashboard-title' }, title)];
  if (actions.length > 0) parts.push(htmlElement('div', { class: 'fbml-dashboard-actions' }, separated(actions)));
  if (create !== undefined) parts.push(htmlElement('div', { class: 'fbml-dashboard-create' }, [create]));
  return [htmlElement('div', { class: 'fbml-dashboard' }, parts)];
}

const HEADER_DECORATIONS: Readonly<Record<string, string>> = { add_border: 'fbml-header-border', no_padding: 'fbml-header-no-padding', shorten: 'fbml-header-short' };

/** `<div class="fbml-header">`: the app's icon (unless icon="false") and the tag's content as the heading. */
function header(element: Element, box: BoxRender): OutputNode[] {
  const classes = ['fbml-header'];
  const decoration = element.attribs.decoration?.trim().toLowerCase();
  if (decoration !== undefined && Object.hasOwn(HEADER_DECORATIONS, decoration)) classes.push(HEADER_DECORATIONS[decoration]!);
  else if (decoration !== undefined) box.problems.add(`fb:header: decoration ${JSON.stringify(element.attribs.decoration)} is not add_border, no_padding or shorten; ignored`);
  const icon = flag(element, 'icon', true) ? appIcon(box) : [];
  return [htmlElement('div', { class: classes.join(' ') }, [...icon, htmlElement('h2', { class: 'fbml-header-title' }, box.render(element.children))])];
}

/**
 * `<div class="fbml-media-header">`: the owner's picture, the media title, "by" the owner's linked
 * name, then the tag's content (a line about the media).
 */
function mediaHeader(element: Element, box: BoxRender): OutputNode[] {
  const uid = requiredUid(element, box);
  const person = uid === null || uid === undefined ? undefined : box.facts.person(uid);
  if (uid !== null && uid !== undefined && !person) box.problems.add(`fb:media-header: no person with uid ${uid}`);
  const picture = person ? pictureImage(person, PICTURE_SIZES.thumb, box.request.platformHost) : undefined;
  const lines: OutputNode[] = [];
  const title = element.attribs.media_title;
  if (title !== undefined) lines.push(htmlElement('h2', { class: 'fbml-media-header-title' }, [text(title)]));
  if (person) lines.push(htmlElement('div', { class: 'fbml-media-header-owner' }, [text('by '), profileLink(person.uid, [text(fullName(person))])]));
  const content = box.render(element.children);
  if (content.length > 0) lines.push(htmlElement('div', { class: 'fbml-media-header-text' }, content));
  const parts: OutputNode[] = picture && person ? [profileLink(person.uid, [picture])] : [];
  parts.push(htmlElement('div', { class: 'fbml-media-header-body' }, lines));
  return [htmlElement('div', { class: 'fbml-media-header' }, parts)];
}

export const APP_BAR_TAGS: ReadonlyMap<string, FbmlTag> = new Map<string, FbmlTag>([
  ['fb:dashboard', { render: dashboard }],
  ['fb:help', { render: (element, box) => [helpLink(element, box)] }],
  ['fb:create-button', { render: (element, box) => [createButton(element, box)] }],
  ['fb:header', { render: header }],
  ['fb:media-header', { needs: needsPerson, render: mediaHeader }],
]);

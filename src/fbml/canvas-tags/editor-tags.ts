/**
 * fb:editor and its rows (docs/canvas-fbml.md, "Editor forms"): a POST form laid out as a two
 * column table, labels on the left. Date and time pickers are `<select>`s; their field names are
 * the row's `name` with `_month`, `_day`, `_year`, `_hour`, `_min` and `_ampm` added.
 */
import { isTag, type ChildNode, type Element } from 'domhandler';
import { canvasPageOf } from '../canvas-page.js';
import type { BoxRender, FbmlTag } from '../fbml-tag.js';
import { element as htmlElement, text, type OutputNode } from '../html-nodes.js';
import { isBlank, sizeAttribute } from './tag-kit.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Years a date picker offers either side of its value (or of today). */
const YEARS_AROUND = 5;

function row(label: string | undefined, field: readonly OutputNode[], fieldAttributes: Readonly<Record<string, string>> = {}): Element {
  return htmlElement('tr', { class: 'fbml-editor-row' }, [
    htmlElement('th', { class: 'fbml-editor-label' }, label === undefined ? [] : [htmlElement('label', {}, [text(label)])]),
    htmlElement('td', { class: 'fbml-editor-field', ...fieldAttributes }, field),
  ]);
}

/** The `name` a field row posts under; a row without one would post nothing, so it says so. */
function fieldName(element: Element, box: BoxRender): string | undefined {
  const name = element.attribs.name;
  if (name === undefined || name.trim() === '') box.problems.add(`${element.name}: required attribute "name" is missing; the field posts nothing`);
  return name?.trim() || undefined;
}

function withName(attributes: Record<string, string>, name: string | undefined): Record<string, string> {
  if (name !== undefined) attributes.name = name;
  return attributes;
}

function textRow(element: Element, box: BoxRender): OutputNode[] {
  const attributes = withName({ type: 'text', class: 'fbml-editor-input' }, fieldName(element, box));
  if (element.attribs.value !== undefined) attributes.value = element.attribs.value;
  const maxLength = element.attribs.maxlength?.trim();
  if (maxLength !== undefined && /^\d{1,6}$/.test(maxLength)) attributes.maxlength = String(Number(maxLength));
  return [row(element.attribs.label, [htmlElement('input', attributes)])];
}

function textareaRow(element: Element, box: BoxRender): OutputNode[] {
  const attributes = withName({ class: 'fbml-editor-textarea' }, fieldName(element, box));
  const rows = element.attribs.rows?.trim();
  attributes.rows = rows !== undefined && /^\d{1,3}$/.test(rows) && Number(rows) > 0 ? String(Number(rows)) : '4';
  return [row(element.attribs.label, [htmlElement('textarea', attributes, box.render(element.children))])];
}

function select(name: string | undefined, options: ReadonlyArray<readonly [string, string]>, selected: string): Element {
  return htmlElement(
    'select',
    withName({}, name),
    options.map(([value, label]) => htmlElement('option', value === selected ? { value, selected: 'selected' } : { value }, [text(label)])),
  );
}

function range(from: number, to: number, step = 1): number[] {
  const numbers: number[] = [];
  for (let value = from; value <= to; value += step) numbers.push(value);
  return numbers;
}

/**
 * The moment a picker shows: `value` in seconds since 1970 (how the platform wrote times), read
 * in UTC since the viewer's time zone is not known; today when it is absent or unreadable.
 */
function pickerTime(element: Element, box: BoxRender): Date {
  const now = canvasPageOf(box).now();
  const value = element.attribs.value?.trim();
  if (value === undefined || value === '') return now;
  const seconds = Number(value);
  if (Number.isInteger(seconds) && Math.abs(seconds) < 1e11) return new Date(seconds * 1000);
  box.problems.add(`${element.name}: value ${JSON.stringify(element.attribs.value)} is not a time in seconds since 1970; today used`);
  return now;
}

const suffixed = (name: string | undefined, suffix: string) => (name === undefined ? undefined : `${name}_${suffix}`);

function monthSelect(name: string | undefined, time: Date): Element {
  return select(name, MONTHS.map((month, index) => [String(index + 1), month] as const), String(time.getUTCMonth() + 1));
}

function dateRow(element: Element, box: BoxRender): OutputNode[] {
  const name = fieldName(element, box);
  const time = pickerTime(element, box);
  const nowYear = canvasPageOf(box).now().getUTCFullYear();
  const year = time.getUTCFullYear();
  const years = range(Math.min(year, nowYear) - YEARS_AROUND, Math.max(year, nowYear) + YEARS_AROUND).map((y) => [String(y), String(y)] as const);
  return [
    row(element.attribs.label, [
      monthSelect(suffixed(name, 'month'), time),
      text(' '),
      select(suffixed(name, 'day'), range(1, 31).map((day) => [String(day), String(day)] as const), String(time.getUTCDate())),
      text(' '),
      select(suffixed(name, 'year'), years, String(year)),
    ]),
  ];
}

function timeRow(element: Element, box: BoxRender): OutputNode[] {
  const name = fieldName(element, box);
  const time = pickerTime(element, box);
  const hour = time.getUTCHours();
  const minute = time.getUTCMinutes() - (time.getUTCMinutes() % 5);
  return [
    row(element.attribs.label, [
      select(suffixed(name, 'hour'), range(1, 12).map((h) => [String(h), String(h)] as const), String(hour % 12 === 0 ? 12 : hour % 12)),
      text(' : '),
      select(suffixed(name, 'min'), range(0, 55, 5).map((m) => [String(m).padStart(2, '0'), String(m).padStart(2, '0')] as const), String(minute).padStart(2, '0')),
      text(' '),
      select(suffixed(name, 'ampm'), [['am', 'am'], ['pm', 'pm']], hour < 12 ? 'am' : 'pm'),
    ]),
  ];
}

function monthRow(element: Element, box: BoxRender): OutputNode[] {
  return [row(element.attribs.label, [monthSelect(fieldName(element, box), pickerTime(element, box))])];
}

/** Any FBML in the field column; `id` (prefixed like every id of the app) names the cell. */
function customRow(element: Element, box: BoxRender): OutputNode[] {
  const id = element.attribs.id?.trim();
  return [row(element.attribs.label, box.render(element.children), id ? { id: `app${box.request.appId}_${id}` } : {})];
}

function buttonsetRow(element: Element, box: BoxRender): OutputNode[] {
  const buttons: OutputNode[] = [];
  for (const child of element.children) {
    if (isBlank(child)) continue;
    if (isTag(child) && child.name === 'fb:editor-button') {
      const attributes: Record<string, string> = { type: 'submit', class: 'fbml-editor-button', value: child.attribs.value ?? 'Submit' };
      if (child.attribs.name !== undefined) attributes.name = child.attribs.name;
      buttons.push(htmlElement('input', attributes), text(' '));
    } else if (isTag(child) && child.name === 'fb:editor-cancel') {
      buttons.push(cancelLink(child, box), text(' '));
    } else {
      box.problems.add('fb:editor-buttonset: only fb:editor-button and fb:editor-cancel belong in it; the rest is removed');
    }
  }
  return [row(undefined, buttons.slice(0, -1), { class: 'fbml-editor-field fbml-editor-buttonset' })];
}

/** A link away from the form: to `href`, or back to this page when there is none. */
function cancelLink(element: Element, box: BoxRender): OutputNode {
  const given = element.attribs.href;
  const href = given === undefined ? canvasPageOf(box).pageUrl : box.dialect.url(given, 'link', box);
  if (href === undefined) box.problems.add(`fb:editor-cancel: href ${JSON.stringify(given)} is not an http(s), mailto or relative URL; this page used`);
  return htmlElement('a', { class: 'fbml-editor-cancel', href: href ?? canvasPageOf(box).pageUrl }, [text(element.attribs.value ?? 'Cancel')]);
}

const ROWS: ReadonlyMap<string, (element: Element, box: BoxRender) => OutputNode[]> = new Map([
  ['fb:editor-text', textRow],
  ['fb:editor-textarea', textareaRow],
  ['fb:editor-date', dateRow],
  ['fb:editor-time', timeRow],
  ['fb:editor-month', monthRow],
  ['fb:editor-custom', customRow],
  ['fb:editor-divider', () => [htmlElement('tr', { class: 'fbml-editor-divider' }, [htmlElement('td', { colspan: '2' }, [htmlElement('hr')])])]],
  ['fb:editor-buttonset', buttonsetRow],
]);

/** Anything else inside fb:editor (hidden inputs, a note) keeps its place, across both columns. */
function extraRow(nodes: readonly ChildNode[], box: BoxRender): OutputNode[] {
  const content = box.render(nodes);
  return content.length === 0 ? [] : [htmlElement('tr', { class: 'fbml-editor-extra' }, [htmlElement('td', { colspan: '2' }, content)])];
}

function editor(element: Element, box: BoxRender): OutputNode[] {
  const rows: OutputNode[] = [];
  let pending: ChildNode[] = [];
  for (const child of element.children) {
    const rowOf = isTag(child) ? ROWS.get(child.name) : undefined;
    if (rowOf === undefined) {
      if (!isBlank(child)) pending.push(child);
      continue;
    }
    rows.push(...extraRow(pending, box), ...rowOf(child as Element, box));
    pending = [];
  }
  rows.push(...extraRow(pending, box));
  const width = sizeAttribute(element, 'width', box, '424')!;
  const labelWidth = sizeAttribute(element, 'labelwidth', box, '75')!;
  for (const tableRow of rows) {
    if (!isTag(tableRow)) continue;
    for (const cell of tableRow.children) if (isTag(cell) && cell.name === 'th') cell.attribs.width = labelWidth;
  }
  const attributes: Record<string, string> = { class: 'fbml-editor', method: 'post' };
  const value = element.attribs.action;
  const action = value === undefined ? undefined : box.dialect.url(value, 'form', box);
  if (value === undefined) box.problems.add('fb:editor: required attribute "action" is missing; the form posts to this page');
  else if (action === undefined) box.problems.add(`fb:editor: action ${JSON.stringify(value)} is not a canvas or http(s) URL of the app; the form posts to this page`);
  if (action !== undefined) attributes.action = action;
  return [htmlElement('form', attributes, [htmlElement('table', { class: 'fbml-editor-table', width }, [htmlElement('tbody', {}, rows)])])];
}

const misplacedRow: FbmlTag = {
  render(element, box) {
    box.problems.add(`${element.name}: only allowed inside fb:editor; removed`);
    return [];
  },
};

export const EDITOR_TAGS: ReadonlyMap<string, FbmlTag> = new Map<string, FbmlTag>([
  ['fb:editor', { render: editor }],
  ...[...ROWS.keys(), 'fb:editor-button', 'fb:editor-cancel'].map((name) => [name, misplacedRow] as const),
]);

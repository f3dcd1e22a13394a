/**
 * `/createevent.php`: a signed-in person makes an event. The form takes what event_info takes —
 * name, tagline, category and subcategory, host, location, street, city, description, privacy —
 * with the start and end as a date and a time in the person's time zone (Pacific time when their
 * profile gives none). The values are checked by events.create's own rules (event-info.ts, the
 * service's creationProblems), every problem marked on the form at once, what was typed kept. A
 * picture may be chosen too (the form is multipart; a file that is not an image is a problem on the
 * form). A made event has the person as its creator, attending, and no app (Hearth's own page made
 * it); the browser goes on to its page (303).
 */
import type { FastifyReply } from 'fastify';
import { csrfField } from '../../../http/page-kit/csrf.js';
import { type PageContext } from '../../../http/page-kit/define-page.js';
import { redirectTo, sendPage } from '../../../http/page-kit/page-replies.js';
import { html, type SafeHtml } from '../../../http/page-kit/templates.js';
import type { ParsedBody } from '../../../http/request-bodies.js';
import type { Upload } from '../../../wire/upload.js';
import type { Person } from '../../people/records.js';
import { ImageRefusedError, pictureImages, type PictureImages } from '../../photos/images.js';
import { EDIT_PROFILE_PATH } from '../../sign-in/pages/account-nav.js';
import { defineAccountPage } from '../../sign-in/pages/account-page.js';
import { displayName } from '../../sign-in/pages/browser-sign-in.js';
import { CATEGORIES, SUBCATEGORIES } from '../categories.js';
import { MAX_EVENT_TEXT, readEventInfo } from '../event-info.js';
import { creationProblems } from '../event-service.js';
import { CREATE_EVENT_PATH, eventPagePath, EVENTS_PAGE_PATH, eventsFrame, PRIVACY_CHOICES, storedTimeFromForm, zoneOf } from './event-page-parts.js';

/** The button that tells the event form from the sign-in form. */
const CREATE_BUTTON = 'create';

const FIELD_NAMES = ['name', 'tagline', 'category', 'subcategory', 'host', 'location', 'street', 'city', 'description', 'start_date', 'start_time', 'end_date', 'end_time', 'privacy'] as const;
type FieldName = (typeof FIELD_NAMES)[number];
/** The form's fields as typed. */
type EventForm = Readonly<Record<FieldName, string>>;
/** Problems by field (and the picture file); a time's problem is on its date. */
type FieldErrors = Partial<Record<FieldName | 'picture', string>>;

const EMPTY_FORM: EventForm = { ...(Object.fromEntries(FIELD_NAMES.map((name) => [name, ''])) as Record<FieldName, string>), privacy: 'OPEN' };

/** The text fields and their form labels, in the order of the form; each also a key of event_info. */
const TEXT_FIELDS: ReadonlyArray<{ readonly name: 'name' | 'tagline' | 'host' | 'location' | 'street' | 'city'; readonly label: string; readonly optional: boolean; readonly hint?: string }> = [
  { name: 'name', label: 'Event name', optional: false },
  { name: 'tagline', label: 'Tagline', optional: true },
  { name: 'host', label: 'Host', optional: true, hint: 'Who is hosting; leave it empty for your own name.' },
  { name: 'location', label: 'Location', optional: true, hint: 'Where it is, such as “The Royal Institution”.' },
  { name: 'street', label: 'Street', optional: true },
  { name: 'city', label: 'City', optional: true },
];

export const createEventPage = defineAccountPage({
  path: CREATE_EVENT_PATH,
  heading: 'Create an event',
  reason: 'Sign in to make an event and invite your friends.',
  actions: [CREATE_BUTTON],
  show: async ({ reply, csrfToken }, person) => sendPage(reply, 200, formView(person, EMPTY_FORM, {}, csrfToken())),
  change: (page, person) => create(page, person),
});

async function create({ request, reply, services, params, csrfToken }: PageContext, person: Person): Promise<FastifyReply> {
  const typed = Object.fromEntries(FIELD_NAMES.map((name) => [name, params.raw(name) ?? ''])) as Record<FieldName, string>;
  const errors: FieldErrors = {};
  const start = timeOf(typed.start_date, typed.start_time, person, true, errors, 'start_date');
  const end = timeOf(typed.end_date, typed.end_time, person, false, errors, 'end_date');
  const { changes, problems } = readEventInfo({
    name: typed.name,
    tagline: typed.tagline,
    // Empty: events.create's default, the creator's name.
    host: typed.host.trim() === '' ? undefined : typed.host,
    location: typed.location,
    street: typed.street,
    city: typed.city,
    description: typed.description,
    category: typed.category,
    subcategory: typed.subcategory,
    privacy_type: typed.privacy,
    start_time: start,
    end_time: end,
  });
  for (const key of problems.keys()) {
    if (key === 'category') errors.category = 'Choose a category from the list.';
    else if (key === 'subcategory') errors.subcategory = 'Choose a subcategory from the list.';
    else if (key === 'privacy_type') errors.privacy = 'Choose who can see the event.';
    else if (isTextField(key)) errors[key] = `This may be at most ${MAX_EVENT_TEXT} characters long.`;
  }
  for (const key of creationProblems(changes).keys()) {
    if (key === 'name') errors.name ??= 'Give the event a name.';
    else if (key === 'start_time') errors.start_date ??= 'Give the date and time it starts.';
    else errors.end_date ??= 'The event cannot end before it starts.';
  }
  const picture = await pictureOf((request.body as ParsedBody | undefined)?.upload, errors);
  if (Object.keys(errors).length > 0) return sendPage(reply, 400, formView(person, typed, errors, csrfToken()));
  const event = await services.events.create({ changes, creator: person.uid, appId: null, defaultHost: displayName(person), picture });
  return redirectTo(reply, 303, eventPagePath(event.eid));
}

/** The chosen picture in its four sizes; undefined (and a problem when a file was chosen) when none. */
async function pictureOf(file: Upload | undefined, errors: FieldErrors): Promise<PictureImages | undefined> {
  if (file === undefined || file.bytes.length === 0) return undefined;
  try {
    return await pictureImages(file.bytes);
  } catch (error) {
    if (!(error instanceof ImageRefusedError)) throw error;
    errors.picture = `Hearth cannot use that file as a picture: ${error.message}. Choose it again, or another.`;
    return undefined;
  }
}

/** The keys of event_info whose only problem can be their length. */
function isTextField(key: string): key is 'name' | 'tagline' | 'host' | 'location' | 'street' | 'city' | 'description' {
  return key === 'description' || TEXT_FIELDS.some((field) => field.name === key);
}

/** The stored time of a date and time typed on the form; undefined (and a problem if one was given) when none. */
function timeOf(date: string, time: string, person: Person, required: boolean, errors: FieldErrors, field: 'start_date' | 'end_date'): number | undefined {
  if (date.trim() === '' && time.trim() === '') return undefined;
  const stored = storedTimeFromForm(date, time, person);
  if (stored === undefined) errors[field] = required ? 'Give the date and time it starts.' : 'Give a date and a time, or leave both empty.';
  return stored;
}

function errorFor(errors: FieldErrors, field: FieldName | 'picture'): SafeHtml | undefined {
  const message = errors[field];
  return message === undefined ? undefined : html`<p class="field-error" id="${field}-error">${message}</p>`;
}

/** `aria-invalid` and the link to the message for a refused field; the hint otherwise. */
function described(errors: FieldErrors, field: FieldName | 'picture', hint?: string): SafeHtml {
  if (errors[field]) return html` aria-invalid="true" aria-describedby="${field}-error"`;
  return hint ? html` aria-describedby="${field}-hint"` : html``;
}

function select(field: FieldName, choices: ReadonlyArray<readonly [string, string]>, form: EventForm, errors: FieldErrors): SafeHtml {
  return html`<select id="${field}" name="${field}"${described(errors, field)}>${choices.map(([value, label]) =>
    value === form[field] ? html`<option value="${value}" selected>${label}</option>` : html`<option value="${value}">${label}</option>`,
  )}</select>`;
}

/** The platform's numbering: the first category is 1. */
function numbered(names: readonly string[]): Array<readonly [string, string]> {
  return [['', 'Choose…'], ...names.map((name, index) => [String(index + 1), name] as const)];
}

function formView(person: Person, form: EventForm, errors: FieldErrors, token: string): SafeHtml {
  const problems = Object.keys(errors).length;
  const zone = zoneOf(person);
  const textField = ({ name, label, optional, hint }: (typeof TEXT_FIELDS)[number]) => html`<div class="field"><label for="${name}">${label}${optional && html` <span class="optional">(optional)</span>`}</label>
<input type="text" id="${name}" name="${name}" value="${form[name]}" maxlength="${MAX_EVENT_TEXT}"${name === 'name' && html` required`}${described(errors, name, hint)}>
${errorFor(errors, name)}${!errors[name] && hint && html`<p class="hint" id="${name}-hint">${hint}</p>`}</div>`;
  const when = (which: 'start' | 'end', label: string) => html`<div class="field-row">
<div class="field"><label for="${which}_date">${label} date${which === 'end' && html` <span class="optional">(optional)</span>`}</label>
<input type="date" id="${which}_date" name="${which}_date" value="${form[`${which}_date`]}"${which === 'start' && html` required`}${described(errors, `${which}_date`)}>
${errorFor(errors, `${which}_date`)}</div>
<div class="field"><label for="${which}_time">${label} time</label>
<input type="time" id="${which}_time" name="${which}_time" value="${form[`${which}_time`]}"${which === 'start' && html` required`}${errors[`${which}_date`] ? html` aria-invalid="true" aria-describedby="${which}_date-error"` : ''}></div>
</div>`;
  const body = html`<p class="note-trail muted"><a href="${EVENTS_PAGE_PATH}">Your events</a></p>
<h1>Create an event</h1>
${problems > 0 && html`<p class="notice error" role="alert">${problems === 1 ? 'One field needs' : `${problems} fields need`} another look. The event is not made yet.</p>`}
<form method="post" enctype="multipart/form-data" action="${CREATE_EVENT_PATH}" class="event-form">
${csrfField(token)}
${TEXT_FIELDS.slice(0, 2).map(textField)}
<div class="field-row">
<div class="field"><label for="category">Category <span class="optional">(optional)</span></label>
${select('category', numbered(CATEGORIES), form, errors)}
${errorFor(errors, 'category')}</div>
<div class="field"><label for="subcategory">Subcategory <span class="optional">(optional)</span></label>
${select('subcategory', numbered(SUBCATEGORIES), form, errors)}
${errorFor(errors, 'subcategory')}</div>
</div>
${TEXT_FIELDS.slice(2).map(textField)}
<div class="field"><label for="description">Description <span class="optional">(optional)</span></label>
<textarea id="description" name="description" rows="4" maxlength="${MAX_EVENT_TEXT}"${described(errors, 'description')}>${form.description}</textarea>
${errorFor(errors, 'description')}</div>
<p class="hint" id="zone-hint">Times are ${person.timezone === null ? html`${zone}, the platform’s; <a href="${EDIT_PROFILE_PATH}">give your time zone</a> to use your own` : html`in your time zone, ${zone}`}. Without an end, the event lasts three hours.</p>
<div class="field"><label for="picture">Picture <span class="optional">(optional)</span></label>
<input type="file" id="picture" name="picture" accept="image/jpeg,image/png,image/gif"${described(errors, 'picture', 'JPEG, PNG or GIF.')}>
${errorFor(errors, 'picture')}${!errors.picture && html`<p class="hint" id="picture-hint">JPEG, PNG or GIF.</p>`}</div>
${when('start', 'Start')}
${when('end', 'End')}
<div class="field"><label for="privacy">Who can see it</label>
${select(
  'privacy',
  PRIVACY_CHOICES.map((choice) => [choice.value, choice.label] as const),
  form,
  errors,
)}
${errorFor(errors, 'privacy')}
<ul class="hint">${PRIVACY_CHOICES.map((choice) => html`<li><strong>${choice.label}</strong>: ${choice.hint}</li>`)}</ul></div>
<div class="actions"><button class="button" type="submit" name="${CREATE_BUTTON}" value="1">Create event</button></div>
</form>`;
  return eventsFrame({ title: 'Create an event', body, viewer: person });
}

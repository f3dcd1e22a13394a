/**
 * `/editprofile.php`: a signed-in person edits what apps see of them through users.getInfo —
 * name ("First Last"), picture URL, and optionally sex, birthday, language (locale) and time
 * zone. Every field is checked by the people service's own rules and all problems are shown on
 * the form at once, with what was typed kept. A saved form goes back to the page (303) with
 * "Your profile is saved.". A browser that is not signed in gets the sign-in form here, as on
 * editapps.php.
 */
import { defineAccountPage } from '../../sign-in/pages/account-page.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { urlIsOnHost } from '../../../fbml/index.js';
import { InvalidInputError } from '../../../dispatch/invalid-input-error.js';
import { parseBirthday, parseLocale, parseSex, parseTimezone, splitName, type ProfileEdit } from '../people-service.js';
import type { Services } from '../../feature.js';
import { parseWebUrl } from '../../web-url.js';
import type { Person } from '../records.js';
import { type AccountPage } from '../../sign-in/pages/account-sign-in.js';
import { accountNav, EDIT_PROFILE_PATH, signedInLine } from '../../sign-in/pages/account-nav.js';
import { displayName } from '../../sign-in/pages/browser-sign-in.js';
import { csrfField, csrfToken } from '../../../http/page-kit/csrf.js';
import { renderPage } from '../../../http/page-kit/layout.js';
import { type PageParams } from '../../../http/page-kit/page-params.js';
import { redirectTo, sendPage } from '../../../http/page-kit/page-replies.js';
import { pictureToShow } from './person-picture.js';
import { html, type SafeHtml } from '../../../http/page-kit/templates.js';

const ACCOUNT_PAGE: AccountPage = {
  path: EDIT_PROFILE_PATH,
  heading: 'Your profile',
  reason: 'Sign in to change your name, picture and the other details applications see.',
};

export { EDIT_PROFILE_PATH };

/** The hidden input that tells the profile form from the sign-in form. */
const SAVE_FIELD = 'save';

/** The form's fields as text, exactly as typed or as shown. */
interface ProfileFields {
  readonly name: string;
  readonly picture_url: string;
  readonly sex: string;
  readonly birthday: string;
  readonly locale: string;
  readonly timezone: string;
}

type FieldName = keyof ProfileFields;
type FieldErrors = Partial<Record<FieldName, string>>;

const FIELD_NAMES: readonly FieldName[] = ['name', 'picture_url', 'sex', 'birthday', 'locale', 'timezone'];

export const editProfilePage = defineAccountPage({
  ...ACCOUNT_PAGE,
  actions: [SAVE_FIELD],
  show: async ({ request, reply, params, csrfToken }, person) =>
    sendPage(
      reply,
      200,
      profileView({ person, picture: pictureToShow(person, request), fields: fieldsOf(person), errors: {}, saved: params.flag('saved'), csrfToken: csrfToken() }),
    ),
  change: ({ request, reply, services, params }, person) => saveProfile(request, reply, services, params, person),
});

async function saveProfile(request: FastifyRequest, reply: FastifyReply, services: Services, params: PageParams, person: Person): Promise<FastifyReply> {
  const shown = fieldsOf(person);
  // A field left out of the POST stays as it is; our form always sends them all.
  const typed = Object.fromEntries(FIELD_NAMES.map((name) => [name, params.raw(name) ?? shown[name]])) as unknown as ProfileFields;
  const checked = checkFields(typed, person, request.hostname);
  if ('errors' in checked) {
    return sendPage(
      reply,
      400,
      profileView({ person, picture: pictureToShow(person, request), fields: typed, errors: checked.errors, saved: false, csrfToken: csrfToken(request, reply) }),
    );
  }
  // Only what changed is written, so the time of the last profile change (users.getInfo's
  // profile_update_time) is not moved by a form saved as it was.
  if (Object.keys(checked.edit).length > 0) await services.people.update(person.uid, checked.edit);
  return redirectTo(reply, 303, `${EDIT_PROFILE_PATH}?saved=1`);
}

/** The person's profile as the form shows it. */
function fieldsOf(person: Person): ProfileFields {
  return {
    name: displayName(person),
    picture_url: person.pictureUrl ?? '',
    sex: person.sex ?? '',
    birthday: person.birthday ?? '',
    locale: person.locale,
    timezone: person.timezone === null ? '' : String(person.timezone),
  };
}

/** Runs `parse`, turning the service's refusal into the form's message for that field. */
function attempt<T>(parse: () => T, message: string, errors: FieldErrors, field: FieldName): T | undefined {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    errors[field] = message;
    return undefined;
  }
}

/**
 * Every field checked with the people service's rules, each problem told in the form's words;
 * on success, the edit of what differs from the stored profile.
 */
function checkFields(typed: ProfileFields, person: Person, platformHost: string): { readonly edit: ProfileEdit } | { readonly errors: FieldErrors } {
  const errors: FieldErrors = {};
  const names = attempt(() => splitName(typed.name), 'Give your first and last name, such as “Ada Lovelace”.', errors, 'name');
  const pictureText = typed.picture_url.trim();
  const pictureUrl =
    pictureText === ''
      ? null
      : attempt(() => parseWebUrl(pictureText, 'picture URL'), 'The picture must be a web address that starts with http:// or https://.', errors, 'picture_url');
  // Every viewer's browser would fetch it with their Hearth cookie (person-picture.ts).
  if (pictureUrl && urlIsOnHost(pictureUrl, platformHost)) errors.picture_url = 'The picture must be on another site than Hearth itself.';
  const sex = typed.sex === '' ? null : attempt(() => parseSex(typed.sex), 'Choose female, male or “Not given”.', errors, 'sex');
  const birthday =
    typed.birthday.trim() === ''
      ? null
      : attempt(() => parseBirthday(typed.birthday), 'Write your birthday as a month and day, such as “November 3” or “November 3, 1985”.', errors, 'birthday');
  const locale = typed.locale === '' ? person.locale : attempt(() => parseLocale(typed.locale), 'Choose a language from the list.', errors, 'locale');
  const timezone = typed.timezone === '' ? null : attempt(() => parseTimezone(typed.timezone), 'Choose a time zone from the list.', errors, 'timezone');
  if (Object.keys(errors).length > 0) return { errors };

  const edit: { -readonly [K in keyof ProfileEdit]: ProfileEdit[K] } = {};
  if (names && (names.firstName !== person.firstName || names.lastName !== person.lastName)) edit.name = `${names.firstName} ${names.lastName}`;
  if (pictureUrl !== undefined && pictureUrl !== person.pictureUrl) edit.pictureUrl = pictureUrl;
  if (sex !== undefined && sex !== person.sex) edit.sex = sex;
  if (birthday !== undefined && birthday !== person.birthday) edit.birthday = birthday;
  if (locale !== undefined && locale !== person.locale) edit.locale = locale;
  if (timezone !== undefined && timezone !== person.timezone) edit.timezone = timezone;
  return { edit };
}


/** Languages of the platform's era; a locale stored from elsewhere (the CLI) is offered too. */
const LOCALES: ReadonlyArray<readonly [string, string]> = [
  ['en_US', 'English (US)'],
  ['en_GB', 'English (UK)'],
  ['cs_CZ', 'Čeština'],
  ['da_DK', 'Dansk'],
  ['de_DE', 'Deutsch'],
  ['es_ES', 'Español (España)'],
  ['es_LA', 'Español (Latinoamérica)'],
  ['fr_CA', 'Français (Canada)'],
  ['fr_FR', 'Français (France)'],
  ['id_ID', 'Bahasa Indonesia'],
  ['it_IT', 'Italiano'],
  ['hu_HU', 'Magyar'],
  ['nl_NL', 'Nederlands'],
  ['nb_NO', 'Norsk (bokmål)'],
  ['pl_PL', 'Polski'],
  ['pt_BR', 'Português (Brasil)'],
  ['pt_PT', 'Português (Portugal)'],
  ['ro_RO', 'Română'],
  ['fi_FI', 'Suomi'],
  ['sv_SE', 'Svenska'],
  ['tr_TR', 'Türkçe'],
  ['el_GR', 'Ελληνικά'],
  ['ru_RU', 'Русский'],
  ['he_IL', 'עברית'],
  ['ar_AR', 'العربية'],
  ['hi_IN', 'हिन्दी'],
  ['ja_JP', '日本語'],
  ['ko_KR', '한국어'],
  ['zh_CN', '中文（简体）'],
  ['zh_TW', '中文（台灣）'],
];

/** Whole hours from GMT−12 to GMT+14, and the half and quarter hours in use. */
const TIMEZONES: readonly number[] = [
  -12, -11, -10, -9.5, -9, -8, -7, -6, -5, -4, -3.5, -3, -2, -1, 0, 1, 2, 3, 3.5, 4, 4.5, 5, 5.5, 5.75, 6, 6.5, 7, 8, 8.75, 9, 9.5, 10, 10.5, 11, 12,
  12.75, 13, 13.75, 14,
];

/** The time zone choices, with the stored one added if it is another quarter hour (set from the CLI). */
function timezoneChoices(selected: string): Array<readonly [string, string]> {
  const hours = [...TIMEZONES];
  const current = selected === '' ? NaN : Number(selected);
  if (Number.isFinite(current) && !hours.includes(current)) hours.push(current);
  return [['', 'Not given'], ...hours.sort((a, b) => a - b).map((value) => [String(value), timezoneLabel(value)] as const)];
}

function timezoneLabel(hours: number): string {
  if (hours === 0) return 'GMT';
  const minutes = Math.round(Math.abs(hours) * 60);
  const hh = Math.floor(minutes / 60);
  const mm = minutes % 60;
  return `GMT${hours < 0 ? '−' : '+'}${hh}${mm === 0 ? '' : `:${String(mm).padStart(2, '0')}`}`;
}

function options(choices: ReadonlyArray<readonly [string, string]>, selected: string): SafeHtml {
  // A value not in the list (a stored locale from elsewhere, or a forged one typed back) is still shown selected.
  const all = choices.some(([value]) => value === selected) ? choices : [...choices, [selected, selected] as const];
  return html`${all.map(([value, label]) => html`<option value="${value}"${value === selected ? html` selected` : ''}>${label}</option>`)}`;
}

function errorFor(errors: FieldErrors, field: FieldName): SafeHtml {
  const message = errors[field];
  return html`${message && html`<p class="field-error" id="${field}-error">${message}</p>`}`;
}

/** `aria-invalid` and the link to the message for a field that was refused; the hint otherwise. */
function described(errors: FieldErrors, field: FieldName, hint?: string): SafeHtml {
  if (errors[field]) return html` aria-invalid="true" aria-describedby="${field}-error"`;
  return hint ? html` aria-describedby="${hint}"` : html``;
}

interface ProfileView {
  readonly person: Person;
  readonly picture: string | undefined;
  readonly fields: ProfileFields;
  readonly errors: FieldErrors;
  readonly saved: boolean;
  readonly csrfToken: string;
}

function profileView(view: ProfileView): SafeHtml {
  const { person, fields, errors } = view;
  const problems = Object.keys(errors).length;
  const body = html`${accountNav('profile', person)}
<h1>Your profile</h1>
${view.saved && html`<p class="notice success" role="status">Your profile is saved.</p>`}
${problems > 0 && html`<p class="notice error" role="alert">${problems === 1 ? 'One field needs' : `${problems} fields need`} another look. Nothing was saved yet.</p>`}
<div class="person profile-card">${
    view.picture ? html`<img src="${view.picture}" alt="">` : html`<span class="app-mark" aria-hidden="true">${[...person.firstName][0]?.toUpperCase() ?? '?'}</span>`
  }<div class="person-text"><strong>${displayName(person)}</strong><br><span class="muted">This is what applications you use see.</span></div></div>
<form method="post" action="${EDIT_PROFILE_PATH}" class="profile-form">
${csrfField(view.csrfToken)}
<input type="hidden" name="${SAVE_FIELD}" value="1">
<div class="field"><label for="name">Name</label>
<input type="text" id="name" name="name" value="${fields.name}" autocomplete="name" required${described(errors, 'name', 'name-hint')}>
${errorFor(errors, 'name')}${!errors.name && html`<p class="hint" id="name-hint">Your first and last name, such as Ada Lovelace.</p>`}</div>
<div class="field"><label for="picture_url">Profile picture</label>
<input type="url" id="picture_url" name="picture_url" value="${fields.picture_url}" placeholder="https://" inputmode="url" autocapitalize="none" spellcheck="false"${described(errors, 'picture_url', 'picture-hint')}>
${errorFor(errors, 'picture_url')}${!errors.picture_url && html`<p class="hint" id="picture-hint">The web address of a picture of you. Leave it empty for no picture.</p>`}</div>
<div class="field-row">
<div class="field"><label for="sex">Sex <span class="optional">(optional)</span></label>
<select id="sex" name="sex"${described(errors, 'sex')}>${options(
    [
      ['', 'Not given'],
      ['female', 'Female'],
      ['male', 'Male'],
    ],
    fields.sex,
  )}</select>
${errorFor(errors, 'sex')}</div>
<div class="field"><label for="birthday">Birthday <span class="optional">(optional)</span></label>
<input type="text" id="birthday" name="birthday" value="${fields.birthday}" placeholder="November 3, 1985" autocomplete="off"${described(errors, 'birthday', 'birthday-hint')}>
${errorFor(errors, 'birthday')}${!errors.birthday && html`<p class="hint" id="birthday-hint">Month and day; the year is up to you.</p>`}</div>
</div>
<div class="field-row">
<div class="field"><label for="locale">Language</label>
<select id="locale" name="locale"${described(errors, 'locale')}>${options(LOCALES, fields.locale)}</select>
${errorFor(errors, 'locale')}</div>
<div class="field"><label for="timezone">Time zone <span class="optional">(optional)</span></label>
<select id="timezone" name="timezone"${described(errors, 'timezone')}>${options(timezoneChoices(fields.timezone), fields.timezone)}</select>
${errorFor(errors, 'timezone')}</div>
</div>
<div class="actions"><button class="button" type="submit">Save changes</button></div>
</form>
${signedInLine(person)}`;
  return renderPage({ title: 'Your profile', body, wide: true, topNote: displayName(person) });
}

/**
 * `/creategroup.php`: a signed-in person makes a group — name (required), type and subtype (free
 * text, as groups keep them), description, privacy, office and website. The fields are checked by
 * the groups service's rules (checkGroupFields, the same `create` applies for `hearth group
 * create`); every problem is shown by its field at once, with what was typed kept (400). A group
 * made goes to its page (303), its maker its first member and admin. A browser that is not signed
 * in gets the sign-in form here, as on editapps.php.
 */
import { csrfField } from '../../../http/page-kit/csrf.js';
import type { PageParams } from '../../../http/page-kit/page-params.js';
import { redirectTo, sendPage } from '../../../http/page-kit/page-replies.js';
import { html, type SafeHtml } from '../../../http/page-kit/templates.js';
import type { Person } from '../../people/records.js';
import { defineAccountPage } from '../../sign-in/pages/account-page.js';
import { checkGroupFields, GROUP_TEXT_LIMITS, type GroupFieldName, type GroupFields } from '../group-service.js';
import { GROUP_PRIVACIES } from '../records.js';
import { CREATE_GROUP_PATH, GROUPS_PAGE_PATH, groupPagePath, groupsFrame, PRIVACY_MEANINGS, PRIVACY_NAMES } from './group-page-parts.js';

/** The hidden input that tells the group form from the sign-in form. */
const CREATE_FIELD = 'create';

/** Form field names are the platform's (`group_type`), the fields the service's. */
const FORM_NAMES: Readonly<Record<GroupFieldName, string>> = {
  name: 'name',
  privacy: 'privacy',
  groupType: 'group_type',
  groupSubtype: 'group_subtype',
  description: 'description',
  office: 'office',
  website: 'website',
};

const EMPTY: GroupFields = { name: '', privacy: 'OPEN', groupType: '', groupSubtype: '', description: '', office: '', website: '' };

type Problems = Partial<Record<GroupFieldName, string>>;

export const createGroupPage = defineAccountPage({
  path: CREATE_GROUP_PATH,
  heading: 'Create a group',
  reason: 'Sign in to create a group.',
  actions: [CREATE_FIELD],
  show: async ({ reply, csrfToken }, person) => sendPage(reply, 200, formView(person, EMPTY, {}, csrfToken())),
  change: async ({ reply, services, params, csrfToken }, person) => {
    const typed = typedFields(params);
    const checked = checkGroupFields(typed);
    if ('problems' in checked) return sendPage(reply, 400, formView(person, typed, checked.problems, csrfToken()));
    const group = await services.groups.create({ ...checked.fields, creator: person.uid });
    return redirectTo(reply, 303, groupPagePath(group.gid));
  },
});

function typedFields(params: PageParams): GroupFields {
  const entries = Object.entries(FORM_NAMES).map(([field, name]) => [field, params.raw(name) ?? EMPTY[field as GroupFieldName]]);
  return Object.fromEntries(entries) as unknown as GroupFields;
}

function errorFor(problems: Problems, field: GroupFieldName): SafeHtml | undefined {
  const message = problems[field];
  return message === undefined ? undefined : html`<p class="field-error" id="${FORM_NAMES[field]}-error">${message}</p>`;
}

/** `aria-invalid` and the link to the message for a refused field; the hint otherwise. */
function described(problems: Problems, field: GroupFieldName, hint?: string): SafeHtml {
  if (problems[field] !== undefined) return html` aria-invalid="true" aria-describedby="${FORM_NAMES[field]}-error"`;
  return hint ? html` aria-describedby="${hint}"` : html``;
}

function textField(typed: GroupFields, problems: Problems, field: Exclude<GroupFieldName, 'privacy' | 'description'>, label: string, extra: SafeHtml = html``): SafeHtml {
  const name = FORM_NAMES[field];
  const optional = field !== 'name' && html` <span class="optional">(optional)</span>`;
  return html`<div class="field"><label for="${name}">${label}${optional}</label>
<input type="${field === 'website' ? 'url' : 'text'}" id="${name}" name="${name}" value="${typed[field]}" maxlength="${GROUP_TEXT_LIMITS[field]}"${extra}${described(problems, field)}>
${errorFor(problems, field)}</div>`;
}

function formView(person: Person, typed: GroupFields, problems: Problems, token: string): SafeHtml {
  const count = Object.keys(problems).length;
  const privacy = typed.privacy.trim().toUpperCase();
  const body = html`<p class="note-trail muted"><a href="${GROUPS_PAGE_PATH}">Your groups</a></p>
<h1>Create a group</h1>
${count > 0 && html`<p class="notice error" role="alert">${count === 1 ? 'One field needs' : `${count} fields need`} another look. The group was not created yet.</p>`}
<form method="post" action="${CREATE_GROUP_PATH}">
${csrfField(token)}
<input type="hidden" name="${CREATE_FIELD}" value="1">
${textField(typed, problems, 'name', 'Name', html` required autocomplete="off"`)}
<div class="field-row">
${textField(typed, problems, 'groupType', 'Type', html` placeholder="Common Interest" autocomplete="off"`)}
${textField(typed, problems, 'groupSubtype', 'Subtype', html` placeholder="Science" autocomplete="off"`)}
</div>
<div class="field"><label for="description">Description <span class="optional">(optional)</span></label>
<textarea id="description" name="description" rows="4" maxlength="${GROUP_TEXT_LIMITS.description}"${described(problems, 'description')}>${typed.description}</textarea>
${errorFor(problems, 'description')}</div>
<div class="field"><label for="privacy">Privacy</label>
<select id="privacy" name="privacy"${described(problems, 'privacy', 'privacy-hint')}>${GROUP_PRIVACIES.map(
    (value) => html`<option value="${value}"${value === privacy ? html` selected` : ''}>${PRIVACY_NAMES[value]}</option>`,
  )}</select>
${errorFor(problems, 'privacy')}<ul class="hint" id="privacy-hint">${GROUP_PRIVACIES.map((value) => html`<li><strong>${PRIVACY_NAMES[value]}:</strong> ${PRIVACY_MEANINGS[value]}</li>`)}</ul></div>
${textField(typed, problems, 'office', 'Office', html` autocomplete="off"`)}
${textField(typed, problems, 'website', 'Website', html` placeholder="https://" inputmode="url" autocapitalize="none" spellcheck="false"`)}
<div class="actions"><button class="button" type="submit">Create group</button></div>
</form>`;
  return groupsFrame({ title: 'Create a group', body, viewer: person });
}

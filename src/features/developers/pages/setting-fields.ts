/**
 * One setting as a form control: a label, the input (text, URL, e-mail, text area, check box or
 * list), and its problem (linked for screen readers) or its hint.
 */
import { html, type SafeHtml } from '../../../http/page-kit/templates.js';
import type { SettingField } from '../app-settings.js';

function described(field: SettingField, problem: string | undefined): SafeHtml {
  if (problem !== undefined) return html` aria-invalid="true" aria-describedby="${field.name}-error"`;
  return field.hint !== undefined ? html` aria-describedby="${field.name}-hint"` : html``;
}

function below(field: SettingField, problem: string | undefined): SafeHtml {
  if (problem !== undefined) return html`<p class="field-error" id="${field.name}-error">${problem}</p>`;
  return field.hint !== undefined ? html`<p class="hint" id="${field.name}-hint">${field.hint}</p>` : html``;
}

const INPUT_TYPES: Partial<Record<SettingField['kind'], string>> = { url: 'url', email: 'email' };

export function settingField(field: SettingField, value: string, problem?: string): SafeHtml {
  const aria = described(field, problem);
  if (field.kind === 'switch') {
    return html`<div class="field"><div class="check"><input type="checkbox" id="${field.name}" name="${field.name}" value="1"${value === '1' && html` checked`}${aria}><label for="${field.name}">${field.label}</label></div>
${below(field, problem)}</div>`;
  }
  let control: SafeHtml;
  if (field.kind === 'textarea') {
    control = html`<textarea id="${field.name}" name="${field.name}" rows="4" spellcheck="false"${aria}>${value}</textarea>`;
  } else if (field.kind === 'choice') {
    control = html`<select id="${field.name}" name="${field.name}"${aria}>${(field.choices ?? []).map(
      ([choice, label]) => html`<option value="${choice}"${choice === value && html` selected`}>${label}</option>`,
    )}</select>`;
  } else {
    // No maxlength: a longer value pasted in is refused with a message rather than cut short unseen.
    control = html`<input type="${INPUT_TYPES[field.kind] ?? 'text'}" id="${field.name}" name="${field.name}" value="${value}" autocomplete="off" spellcheck="false"${field.required && html` required`}${aria}>`;
  }
  return html`<div class="field"><label for="${field.name}">${field.label}</label>
${control}
${below(field, problem)}</div>`;
}

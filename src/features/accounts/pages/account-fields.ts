/** The fields of the account forms: a label, the input, and its problem (linked for screen readers) or its hint. */
import { html, type SafeHtml } from '../../../http/page-kit/templates.js';

export interface FieldView {
  readonly name: string;
  readonly label: string;
  readonly type: 'text' | 'email' | 'password';
  readonly value?: string;
  readonly autocomplete: string;
  readonly error?: string;
  readonly hint?: string;
  readonly autofocus?: boolean;
}

export function field(view: FieldView): SafeHtml {
  const describedBy = view.error ? html` aria-invalid="true" aria-describedby="${view.name}-error"` : view.hint ? html` aria-describedby="${view.name}-hint"` : html``;
  const extra = view.type === 'email' ? html` autocapitalize="none" spellcheck="false"` : html``;
  return html`<div class="field"><label for="${view.name}">${view.label}</label>
<input type="${view.type}" id="${view.name}" name="${view.name}" value="${view.type === 'password' ? '' : (view.value ?? '')}" autocomplete="${view.autocomplete}" required${extra}${describedBy}${view.autofocus ? html` autofocus` : ''}>
${view.error ? html`<p class="field-error" id="${view.name}-error">${view.error}</p>` : view.hint ? html`<p class="hint" id="${view.name}-hint">${view.hint}</p>` : ''}</div>`;
}

export function notice(kind: 'error' | 'success', text: SafeHtml | string | undefined): SafeHtml {
  if (!text) return html``;
  return kind === 'error' ? html`<p class="notice error" role="alert">${text}</p>` : html`<p class="notice success" role="status">${text}</p>`;
}

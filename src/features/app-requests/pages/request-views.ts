/** What the confirmation page and reqs.php show alike: a request as its recipient sees it. */
import { PAGE_HEADERS } from '../../../http/page-kit/page-replies.js';
import { html, trustedHtml, type SafeHtml } from '../../../http/page-kit/templates.js';
import { timeText } from '../../../http/page-kit/time-text.js';
import type { Person } from '../../people/records.js';
import { profilePath } from '../../sign-in/pages/account-nav.js';
import { displayName } from '../../sign-in/pages/browser-sign-in.js';

/** Rendered FBML may carry style attributes (the renderer filters them); scripts stay blocked. */
export const REQUEST_PAGE_HEADERS = {
  'content-security-policy': PAGE_HEADERS['content-security-policy']!.replace("style-src 'self';", "style-src 'self'; style-src-attr 'unsafe-inline';"),
};

/** "a Quiz request" / "a Quiz invitation". */
export function requestNoun(type: string, invite: boolean): string {
  const noun = `${type} ${invite ? 'invitation' : 'request'}`;
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

export interface RequestView {
  readonly sender: Person;
  readonly type: string;
  readonly invite: boolean;
  /** The renderer's output: safe HTML already. */
  readonly contentHtml: string;
  readonly at?: Date;
}

/** "Ada Lovelace sent you a Quiz request.", the content, then `buttons`. */
export function requestItem(view: RequestView, buttons: SafeHtml, attributes: SafeHtml = html``): SafeHtml {
  const sender = view.sender;
  return html`<li class="note-item request-item"${attributes}>
<p><a href="${profilePath(sender.uid)}">${displayName(sender)}</a> sent you ${requestNoun(view.type, view.invite)}.${view.at && html` <span class="muted">· <time datetime="${view.at.toISOString()}">${timeText(view.at)}</time></span>`}</p>
${view.contentHtml !== '' && html`<div class="request-content">${trustedHtml(view.contentHtml)}</div>`}
${buttons}
</li>`;
}

/** A list of people's names, each linked to their profile: "Bob Bobson, Cleo Cleary". */
export function nameList(people: readonly Person[]): SafeHtml {
  return html`${people.map((person, index) => html`${index > 0 && ', '}<a href="${profilePath(person.uid)}">${displayName(person)}</a>`)}`;
}

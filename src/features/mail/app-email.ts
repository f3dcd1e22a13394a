/**
 * The mail an app sends a person (notifications.sendEmail): its subject and bodies, and the line
 * that tells the person how to stop the app's mail, at the top or the bottom as the app's
 * email_disable_message_location says (docs/mail.md, "What a person receives").
 */
import { EDIT_APPS_PATH } from '../sign-in/pages/account-nav.js';
import { htmlOfText, type MailBody } from './mail-markup.js';

/** email_disable_message_location: 1 at the bottom, 2 at the top. */
export const DISABLE_LINE_AT_TOP = 2;

export interface AppEmailBody {
  readonly text: string;
  /** Absent when the app gave only text. */
  readonly html: string | undefined;
}

/** The line, as text and as HTML, pointing to the page where a person removes the app. */
export function disableLine(appName: string, origin: string): MailBody {
  const page = `${origin}${EDIT_APPS_PATH}`;
  const words = `To stop receiving e-mail from ${appName}, remove it from your applications:`;
  return { text: `${words} ${page}`, html: `${htmlOfText(words)} <a href="${htmlOfText(page)}">${htmlOfText(page)}</a>` };
}

export function withDisableLine(body: AppEmailBody, line: MailBody, location: number): AppEmailBody {
  const rule = '\n\n---\n\n';
  const htmlRule = '\n<hr>\n';
  const atTop = location === DISABLE_LINE_AT_TOP;
  return {
    text: atTop ? `${line.text}${rule}${body.text}` : `${body.text}${rule}${line.text}`,
    html: body.html === undefined ? undefined : atTop ? `<p>${line.html}</p>${htmlRule}${body.html}` : `${body.html}${htmlRule}<p>${line.html}</p>`,
  };
}

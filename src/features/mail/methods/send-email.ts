/**
 * notifications.sendEmail: an app e-mails people. Only those who authorized the app and granted it
 * the email permission receive it, each at most emails_per_day times a day from one app; anyone
 * else is left out without an error, and the answer lists, comma-separated, those mailed. A
 * desktop app needs a session and may mail only its session user.
 */
import { defineMethod, optional, required, text, uidList } from '../../../dispatch/method-kit.js';
import { ApiError, invalidParameter } from '../../../wire/errors.js';
import { allocationOf, DAY_SECONDS } from '../../apps/allocations.js';
import { disableLine, withDisableLine, type AppEmailBody } from '../app-email.js';
import { isMailAddress } from '../mail-address.js';
import { lineOf, mailBodyOf } from '../mail-markup.js';

export const MAX_RECIPIENTS = 100;
/** Bodies are kept whole in the outbox; a longer one is not an e-mail anyone reads. */
export const MAX_BODY_LENGTH = 64 * 1024;
export const MAX_SUBJECT_FBML_LENGTH = 1024;

export const notificationsSendEmail = defineMethod({
  name: 'notifications.sendEmail',
  summary: 'E-mails people who authorized the app and granted it email, at most emails_per_day a day each; answers the uids mailed, comma-separated.',
  params: {
    recipients: required(uidList(114, Number.MAX_SAFE_INTEGER), `whom to mail, at most ${MAX_RECIPIENTS}`),
    subject: required(text(MAX_SUBJECT_FBML_LENGTH), 'one line; FBML names (fb:name) allowed'),
    text: optional(text(MAX_BODY_LENGTH), 'the plain-text body (text or fbml is required)'),
    fbml: optional(text(MAX_BODY_LENGTH), 'the body as FBML: text, links, line breaks and fb:name'),
  },
  answer: 'string',
  access: { session: 'optional', sessionSecret: false, appTypes: ['web', 'desktop'] },
  handler: async ({ app, session, params, services, origin: requestOrigin }) => {
    const origin = services.mail.linkOrigin(requestOrigin);
    if (params.recipients.length > MAX_RECIPIENTS) throw invalidParameter('recipients', `more than ${MAX_RECIPIENTS} people`);
    if (params.text === undefined && params.fbml === undefined) throw invalidParameter('text', 'give the body as text or fbml');
    if (app.type === 'desktop' && session === undefined) throw new ApiError(102, 'desktop applications need a session_key to send e-mail');
    const markup = { appId: app.appId, actorUid: session?.uid, origin, services };
    const subject = await lineOf(params.subject, markup);
    if (subject === '') throw invalidParameter('subject', 'no text in it');

    let wanted = [...new Set(params.recipients)];
    if (app.type === 'desktop') wanted = wanted.filter((uid) => uid === session?.uid);
    const mayReceive = await services.grants.grantedAmong(app.appId, 'email', wanted);
    const people = new Map((await services.people.findMany(wanted.filter((uid) => mayReceive.has(uid)))).map((person) => [person.uid, person]));
    // An account whose address is not one (made before addresses were checked) cannot be mailed.
    const recipients = wanted.filter((uid) => people.has(uid) && isMailAddress(people.get(uid)!.email));
    if (recipients.length === 0) return '';

    const rendered = params.fbml === undefined ? undefined : await mailBodyOf(params.fbml, markup);
    // Both given: the text is the plain part, the FBML the HTML part.
    const body: AppEmailBody = { text: params.text ?? rendered!.text, html: rendered?.html };
    const final = withDisableLine(body, disableLine(app.name, origin), allocationOf(app.appId, 'email_disable_message_location'));
    const mailed = await services.mail.sendWithinAllowance(
      recipients.map((uid) => ({ kind: 'app' as const, appId: app.appId, to: people.get(uid)!.email, toUid: uid, subject, text: final.text, ...(final.html === undefined ? {} : { html: final.html }) })),
      { limit: allocationOf(app.appId, 'emails_per_day'), since: new Date(Date.now() - DAY_SECONDS * 1000) },
    );
    const mailedUids = new Set(mailed.map((mail) => mail.toUid));
    return recipients.filter((uid) => mailedUids.has(uid)).join(',');
  },
});

/**
 * notifications.send: a notification from the session user through the app (user_to_user) to
 * their friends and the app's users, or from the app itself (app_to_user) to people who
 * authorized it; held to the app's allocations, the rest left out silently. Answers the uids
 * notified, comma-separated.
 */
import { defineMethod, oneOf, optional, required, text, uidList } from '../../../dispatch/method-kit.js';
import { InvalidInputError } from '../../../dispatch/invalid-input-error.js';
import { ApiError, invalidParameter } from '../../../wire/errors.js';
import { MAX_NOTIFICATION_LENGTH } from '../notification-service.js';
import { NOTIFICATION_KINDS } from '../records.js';

export const notificationsSend = defineMethod({
  name: 'notifications.send',
  summary: 'Sends a notification (text, links, fb:name, fb:pronoun) to people, from the session user or from the app; answers the uids notified.',
  params: {
    to_ids: optional(uidList(114), 'the recipients, in order; with a session and none given, the session user'),
    notification: required(text(MAX_NOTIFICATION_LENGTH), 'stripped-down FBML: text, links, fb:name and fb:pronoun'),
    type: optional(oneOf(NOTIFICATION_KINDS, 'notification type'), 'user_to_user (the default with a session) or app_to_user (the default without)'),
    email: optional(text(), 'accepted and ignored'),
  },
  answer: 'string',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'] },
  handler: async ({ app, session, params, services, signedWithSessionSecret }) => {
    if (session === undefined && app.type === 'desktop') throw new ApiError(102, 'desktop applications need a session');
    const kind = params.type ?? (session ? 'user_to_user' : 'app_to_user');
    if (kind === 'user_to_user' && session === undefined) throw new ApiError(102, 'a user_to_user notification is sent by the session user');
    // An announcement is the app's own word: only its secret may sign it.
    if (kind === 'app_to_user' && signedWithSessionSecret) throw new ApiError(15);
    const to = params.to_ids ?? [];
    if (to.length === 0 && session === undefined) throw invalidParameter('to_ids', 'name the recipients');
    try {
      const notified = await services.notifications.send({ appId: app.appId, kind, sender: session?.uid, to, fbml: params.notification });
      return notified.join(',');
    } catch (error) {
      if (error instanceof InvalidInputError) throw invalidParameter('notification', error.message);
      throw error;
    }
  },
});

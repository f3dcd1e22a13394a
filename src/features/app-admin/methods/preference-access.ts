/**
 * Who the preference methods act on: the session's person, or for a web app without a session the
 * person `uid` names, who must have authorized the app (200). Signed with the application secret
 * only (15), as the platform required of these methods.
 */
import type { AccessRules } from '../../../dispatch/define-method.js';

export const PREFERENCE_ACCESS = {
  session: 'optional',
  sessionSecret: false,
  appTypes: ['web', 'desktop'],
  target: { who: 'app-user', otherUserError: 200 },
} as const satisfies AccessRules;

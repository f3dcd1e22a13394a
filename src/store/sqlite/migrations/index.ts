/** The SQLite schema history, oldest first. A migration is never edited once released; add a new one. */
import { sql as initial } from './001-initial.js';
import { sql as signIn } from './002-sign-in.js';
import { sql as profiles } from './003-profiles.js';
import { sql as friends } from './004-friends.js';
import { sql as rateLimits } from './005-rate-limits.js';
import { sql as signInAttempts } from './007-sign-in-attempts.js';
import { sql as friendInvitations } from './008-friend-invitations.js';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'sign-in', sql: signIn },
  { version: 3, name: 'profiles', sql: profiles },
  { version: 4, name: 'friends', sql: friends },
  { version: 5, name: 'rate-limits', sql: rateLimits },
  // PostgreSQL's sixth adds the triggers behind its change notifications; SQLite connections see
  // each other's commits without help, so here it is empty and the two histories keep one numbering.
  { version: 6, name: 'change-notifications', sql: '' },
  { version: 7, name: 'sign-in-attempts', sql: signInAttempts },
  { version: 8, name: 'friend-invitations', sql: friendInvitations },
];

/** The SQLite schema history, oldest first. A migration is never edited once released; add a new one. */
import { sql as initial } from './sqlite-001.js';
import { sql as signIn } from './sqlite-002.js';
import { sql as profiles } from './sqlite-003.js';
import { sql as friends } from './sqlite-004.js';
import { sql as rateLimits } from './sqlite-005.js';
import { sql as signInAttempts } from './sqlite-007.js';
import { sql as friendInvitations } from './sqlite-008.js';

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

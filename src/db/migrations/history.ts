/**
 * The schema as Hearth released it before each feature kept its own migrations: versions 1 to 8,
 * which databases in use have applied. Later migrations live in their feature's folder; the
 * server orders them all into one list (features.ts).
 */
import { initial } from './001-initial.js';
import { signIn } from './002-sign-in.js';
import { profiles } from './003-profiles.js';
import { friends } from './004-friends.js';
import { rateLimits } from './005-rate-limits.js';
import { changeNotifications } from './006-change-notifications.js';
import { signInAttempts } from './007-sign-in-attempts.js';
import { friendInvitations } from './008-friend-invitations.js';
import type { Migration } from './migration.js';

export const RELEASED_MIGRATIONS: readonly Migration[] = [initial, signIn, profiles, friends, rateLimits, changeNotifications, signInAttempts, friendInvitations];

/**
 * Friend requests addressed to an e-mail address (friend_invitations), in SQL both backends run
 * (`@name` parameters; named-sql.ts). An invitation is kept as typed, whether or not anyone has
 * the address: whoever holds it — now, or after joining or changing their address — sees it as a
 * friend request, and the sender sees only the address, so asking tells nobody whether an address
 * is registered. A holder who declines marks it declined: it leaves their list, not the sender's.
 */

/** The e-mail address of the person `@uid` (NULL for nobody). */
const EMAIL_OF = (param: string) => `(SELECT email FROM people WHERE uid = CAST(@${param} AS BIGINT))`;

export const INVITE = `INSERT INTO friend_invitations (from_uid, email, created_at, declined) VALUES (CAST(@from_uid AS BIGINT), @email, CAST(@now AS BIGINT), 0)
ON CONFLICT (from_uid, email) DO NOTHING`;

export const INVITATIONS_FROM = 'SELECT email, created_at FROM friend_invitations WHERE from_uid = CAST(@uid AS BIGINT) ORDER BY created_at, email';

export const DELETE_INVITATION = 'DELETE FROM friend_invitations WHERE from_uid = CAST(@from_uid AS BIGINT) AND email = @email';

/** Removes the open invitation `@from_uid` sent to `@to_uid`'s address: it is being accepted. */
export const TAKE_INVITATION = `DELETE FROM friend_invitations WHERE from_uid = CAST(@from_uid AS BIGINT) AND declined = 0 AND email = ${EMAIL_OF('to_uid')}`;

export const DECLINE_INVITATION = `UPDATE friend_invitations SET declined = 1 WHERE from_uid = CAST(@from_uid AS BIGINT) AND email = ${EMAIL_OF('to_uid')}`;

/** Once two people are friends, the invitations between them have done their work. */
export const FORGET_INVITATIONS_BETWEEN = `DELETE FROM friend_invitations
WHERE (from_uid = CAST(@a AS BIGINT) AND email = ${EMAIL_OF('b')}) OR (from_uid = CAST(@b AS BIGINT) AND email = ${EMAIL_OF('a')})`;

/** Requests waiting for `@uid`: those sent to the uid, and open invitations to their address from people not yet their friends. */
export const REQUESTS_TO = `SELECT from_uid, CAST(@uid AS BIGINT) AS to_uid, MIN(created_at) AS created_at FROM (
  SELECT from_uid, created_at FROM friend_requests WHERE to_uid = CAST(@uid AS BIGINT)
  UNION ALL
  SELECT invitation.from_uid, invitation.created_at FROM friend_invitations invitation
  WHERE invitation.email = ${EMAIL_OF('uid')} AND invitation.declined = 0 AND invitation.from_uid <> CAST(@uid AS BIGINT)
    AND NOT EXISTS (SELECT 1 FROM friendships f WHERE (f.uid_low = invitation.from_uid AND f.uid_high = CAST(@uid AS BIGINT))
                                                  OR (f.uid_high = invitation.from_uid AND f.uid_low = CAST(@uid AS BIGINT)))
) waiting GROUP BY from_uid ORDER BY MIN(created_at), from_uid`;

export interface InvitationRow {
  email: string;
  created_at: number | string;
}

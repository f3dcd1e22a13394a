/** What the outbox keeps — every e-mail Hearth sends, and whether it went — and the repository that keeps it. */

/** Why a mail is sent: for an app (notifications.sendEmail), or by Hearth itself. */
export const MAIL_KINDS = ['app', 'confirm-email', 'recover-password', 'notification'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export function isMailKind(text: string): text is MailKind {
  return (MAIL_KINDS as readonly string[]).includes(text);
}

/** A mail as the outbox writes it: addresses checked, the subject one line. */
export interface NewOutboxMail {
  readonly kind: MailKind;
  readonly appId: number | null;
  readonly toUid: number | null;
  readonly toAddress: string;
  readonly fromName: string;
  readonly fromAddress: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string | null;
  readonly createdAt: Date;
  /** Set when the writer delivers it at once: nobody else tries it before then. */
  readonly lockedUntil: Date | null;
}

export interface OutboxMail extends Omit<NewOutboxMail, 'lockedUntil'> {
  readonly id: number;
  /** When the relay accepted it; null while it waits. */
  readonly sentAt: Date | null;
  readonly lastError: string | null;
  readonly attempts: number;
}

/** At most `limit` mails from an app to one person since `since`; a negative limit is no limit. */
export interface Allowance {
  readonly limit: number;
  readonly since: Date;
}

export interface OutboxListing {
  /** Only those still waiting. */
  readonly unsent?: boolean;
  readonly limit: number;
}

export interface OutboxRepository {
  add(mail: NewOutboxMail): Promise<OutboxMail>;
  /**
   * Adds each mail whose recipient has had fewer than the allowance's limit from its app since
   * then (counted and written under one lock per app and person, so two calls at once cannot
   * both take the last one); returns those added, in order.
   */
  addWithinAllowance(mails: readonly NewOutboxMail[], allowance: Allowance): Promise<OutboxMail[]>;
  find(id: number): Promise<OutboxMail | undefined>;
  /** Newest first. */
  list(listing: OutboxListing): Promise<OutboxMail[]>;
  /** Waiting mails nobody is delivering now, tried fewer than `maxAttempts` times, oldest first. */
  pending(now: Date, limit: number, maxAttempts: number): Promise<OutboxMail[]>;
  /** Takes a waiting mail for delivery until `until`; false when it went or another instance has it. */
  claim(id: number, now: Date, until: Date): Promise<boolean>;
  /** Gives back a claimed mail untried, for the next delivery run. */
  release(id: number): Promise<void>;
  markSent(id: number, at: Date): Promise<void>;
  markFailed(id: number, error: string): Promise<void>;
  /** Mails from the app to each of these people since `since`, by uid. */
  countsSince(appId: number, uids: readonly number[], since: Date): Promise<Map<number, number>>;
  /** Removes mails sent before `before`; how many went. */
  deleteSentBefore(before: Date): Promise<number>;
}

/** What the notifications feature keeps — each person's notifications — and the repository that keeps them. */

/** `user_to_user`: a person sent it through the app; `app_to_user`: the app itself (an announcement). */
export const NOTIFICATION_KINDS = ['user_to_user', 'app_to_user'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface StoredNotification {
  /** Hearth's ids are unique across all people (the platform's only per recipient). */
  readonly notificationId: number;
  readonly recipient: number;
  /** Null when the app itself sent it. */
  readonly sender: number | null;
  /** Null for the platform's own, or once the app is gone. */
  readonly appId: number | null;
  readonly kind: NotificationKind;
  /** Safe HTML: text and links only; Hearth's own links are relative (/profile.php?id=…). */
  readonly titleHtml: string;
  readonly titleText: string;
  readonly bodyHtml: string;
  readonly bodyText: string;
  /** Where it leads; relative for Hearth's own pages, empty for nowhere. */
  readonly href: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly unread: boolean;
  readonly hidden: boolean;
}

/** What one notification says, the same to every recipient but for the title. */
export interface NewNotification {
  readonly sender: number | null;
  readonly appId: number | null;
  readonly kind: NotificationKind;
  readonly bodyHtml: string;
  readonly bodyText: string;
  readonly href: string;
  readonly at: Date;
}

/** A recipient and the title they see (the sender's own copy has no name in front). */
export interface Delivery {
  readonly uid: number;
  readonly titleHtml: string;
  readonly titleText: string;
}

/**
 * The allocation a send is held to, counted in the same transaction as it is stored:
 * `sender` — at most `limit` notifications from the sender through the app since `since`, the
 * recipients in order until it is used up; `recipient` — each recipient at most `limit` from
 * the app since `since`.
 */
export interface Allowance {
  readonly per: 'sender' | 'recipient';
  readonly limit: number;
  readonly since: Date;
}

export interface NotificationReading {
  /** Nothing sent before this. */
  readonly since: Date;
  /** Nothing last changed before this (notifications.getList's start_time). */
  readonly changedSince?: Date;
  readonly includeRead: boolean;
  readonly limit: number;
}

export interface NotificationRepository {
  /**
   * Stores the notification for each recipient the allowance leaves room for (all of them
   * without one), in the order given; the uids it was stored for.
   */
  deliver(notification: NewNotification, recipients: readonly Delivery[], allowance: Allowance | undefined): Promise<number[]>;
  /** The person's notifications, newest first. */
  received(uid: number, reading: NotificationReading): Promise<StoredNotification[]>;
  /** user_to_user notifications the person sent since then, newest first (one row per recipient). */
  sent(uid: number, since: Date, limit: number): Promise<StoredNotification[]>;
  /** The person's unread notifications since then that they have not hidden. */
  unreadCount(uid: number, since: Date): Promise<number>;
  /** Marks these of the person's notifications read (others' ids are ignored); how many changed. */
  markRead(uid: number, ids: readonly number[] | 'all'): Promise<number>;
  /** Removes what was sent before then; how many rows went. */
  deleteBefore(before: Date): Promise<number>;
}

/**
 * The platform's allocations: how many notifications, requests and e-mails an app may send, read
 * with admin.getAllocation and enforced by the features that send them (each counts its own sends).
 * The platform recalculated them daily from an app's standing; Hearth gives every app the same
 * numbers, the ones the platform gave a new app (docs/notifications.md).
 */

export const INTEGRATION_POINTS = [
  'notifications_per_day',
  'announcement_notifications_per_week',
  'requests_per_day',
  'emails_per_day',
  'email_disable_message_location',
] as const;

export type IntegrationPoint = (typeof INTEGRATION_POINTS)[number];

const DEFAULT_ALLOCATIONS: Readonly<Record<IntegrationPoint, number>> = {
  /** user_to_user notifications one sender may send through one app per day. */
  notifications_per_day: 40,
  /** app_to_user notifications (announcements) one person may receive from one app per week. */
  announcement_notifications_per_week: 7,
  /** Requests one sender may send through one app per day. */
  requests_per_day: 20,
  /** E-mails one person may receive from one app per day. */
  emails_per_day: 5,
  /** Where the "stop these e-mails" line sits: 1 at the bottom, 2 at the top. */
  email_disable_message_location: 1,
};

export function isIntegrationPoint(name: string): name is IntegrationPoint {
  return (INTEGRATION_POINTS as readonly string[]).includes(name);
}

/** The allocation of an app at an integration point. Every app has the same today; the app is a parameter so that may change. */
export function allocationOf(_appId: number, point: IntegrationPoint): number {
  return DEFAULT_ALLOCATIONS[point];
}

/** The windows the counts are taken over, in seconds. */
export const DAY_SECONDS = 86_400;
export const WEEK_SECONDS = 7 * DAY_SECONDS;

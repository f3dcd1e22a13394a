/**
 * Every feature Hearth has, in the order their services are built (a feature's services may use
 * those of the features above it). This list is the only place a feature is registered: the
 * repositories, services, API methods, pages, migrations, housekeeping and the cascade run when a
 * person removes an app are all derived from it (platform.ts).
 */
import { appRequestsFeature } from './features/app-requests/index.js';
import { appsFeature } from './features/apps/index.js';
import { commentBoxesFeature } from './features/comment-boxes/index.js';
import { feedFeature } from './features/feed/index.js';
import { canvasFeature } from './features/canvas/index.js';
import { developersFeature } from './features/developers/index.js';
import { fqlFeature } from './features/fql/index.js';
import { connectFeature } from './features/connect/index.js';
import { friendsFeature } from './features/friends/index.js';
import { grantsFeature } from './features/grants/index.js';
import { homeFeature } from './features/home/index.js';
import { linksFeature } from './features/links/index.js';
import { maintenanceFeature } from './features/maintenance/index.js';
import { notesFeature } from './features/notes/index.js';
import { peopleFeature } from './features/people/index.js';
import { profileBoxesFeature } from './features/profile-boxes/index.js';
import { profileInfoFeature } from './features/profile-info/index.js';
import { sessionsFeature } from './features/sessions/index.js';
import { signInFeature } from './features/sign-in/index.js';
import { photosFeature } from './features/photos/index.js';
import { eventsFeature } from './features/events/index.js';
import { groupsFeature } from './features/groups/index.js';
import { pagesFeature } from './features/pages/index.js';
import { mailFeature } from './features/mail/index.js';
import { mailboxFeature } from './features/mailbox/index.js';
import { notificationsFeature } from './features/notifications/index.js';
import { appAdminFeature } from './features/app-admin/index.js';
import { presenceFeature } from './features/presence/index.js';
import { accountsFeature } from './features/accounts/index.js';
import { statusFeature } from './features/status/index.js';
import { streamFeature } from './features/stream/index.js';
import type { Feature } from './features/feature.js';

export const FEATURES: readonly Feature[] = [
  appsFeature,
  maintenanceFeature,
  peopleFeature,
  sessionsFeature,
  grantsFeature,
  signInFeature,
  friendsFeature,
  profileBoxesFeature,
  profileInfoFeature,
  statusFeature,
  streamFeature,
  homeFeature,
  feedFeature,
  commentBoxesFeature,
  notesFeature,
  linksFeature,
  photosFeature,
  eventsFeature,
  groupsFeature,
  pagesFeature,
  mailFeature,
  mailboxFeature,
  notificationsFeature,
  appAdminFeature,
  presenceFeature,
  accountsFeature,
  canvasFeature,
  connectFeature,
  developersFeature,
  appRequestsFeature,
  fqlFeature,
];

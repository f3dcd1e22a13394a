/**
 * App requests: the requests and invitations people send their friends through an app's
 * fb:request-form (its confirmation page at REQUEST_FORM_SUBMIT_PATH), /reqs.php where recipients
 * answer them, and their count in the top bar.
 */
import { defineFeature } from '../feature.js';
import { answerRequestsFromApp, StoredAppRequestRepository } from './app-request-repository.js';
import { AppRequestService, KEPT_SECONDS } from './app-request-service.js';
import { appRequestsMigration } from './migrations/035-app-requests.js';
import { requestFormPage } from './pages/request-form-page.js';
import { REQUESTS_PATH, requestsPage } from './pages/requests-page.js';
import type { AppRequestRepository } from './records.js';
import './tables.js';

declare module '../feature.js' {
  interface Store {
    readonly appRequests: AppRequestRepository;
  }
  interface Services {
    readonly appRequests: AppRequestService;
  }
}

export const appRequestsFeature = defineFeature({
  name: 'app-requests',
  migrations: [appRequestsMigration],
  repositories: ({ db }) => ({ appRequests: new StoredAppRequestRepository(db) }),
  services: ({ store, services }) => ({ appRequests: new AppRequestService(store, services) }),
  pages: [requestFormPage, requestsPage],
  topBarLink: async (services, uid) => ({ label: 'Requests', href: REQUESTS_PATH, count: await services.appRequests.waitingCount(uid) }),
  // The app's requests to the person go with it (their rows stay answered, for the senders' daily count).
  onAppRemoved: (trx, uid, appId) => answerRequestsFromApp(trx, uid, appId, new Date()),
  housekeeping: (store, now) => store.appRequests.deleteBefore(new Date(now.getTime() - KEPT_SECONDS * 1000)),
});

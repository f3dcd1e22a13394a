/**
 * First-run data: on an empty database `hearth serve` creates a demo app and a demo person who
 * uses it, so a newcomer can make a signed call at once. The demo app's callback URL is Hearth's
 * own demo page (features/home/demo-callback-page.ts), so signing in to it ends on a page that
 * shows the session it got.
 */
import { randomBytes } from 'node:crypto';
import type { App } from '../features/apps/records.js';
import type { Person } from '../features/people/records.js';
import type { Store } from '../features/feature.js';
import { InvalidInputError } from '../dispatch/invalid-input-error.js';
import type { Services } from '../features/feature.js';

export interface DemoData {
  readonly app: App;
  readonly person: Person;
  readonly password: string;
}

export const DEMO_EMAIL = 'demo@hearth.local';

export { DEMO_CALLBACK_PATH } from '../features/home/demo-callback-page.js';

/** Returns the demo data it created, or `undefined` when the database already had apps or people. */
export async function seedDemoIfEmpty(store: Store, services: Services, callbackUrl: string): Promise<DemoData | undefined> {
  const [apps, people] = await Promise.all([store.apps.list(), store.people.list()]);
  if (apps.length > 0 || people.length > 0) return undefined;
  const password = randomBytes(9).toString('base64url');
  let person: Person;
  try {
    // The person first: the unique e-mail decides which of several instances starting at once on
    // one empty database seeds; the others leave it to that one.
    person = await services.people.register({ email: DEMO_EMAIL, password, name: 'Demo Person' });
  } catch (error) {
    if (error instanceof InvalidInputError && (await store.people.findByEmail(DEMO_EMAIL))) return undefined;
    throw error;
  }
  const app = await services.apps.register({ name: 'Demo App', type: 'web', callbackUrl });
  await store.authorizations.authorize(person.uid, app.appId);
  return { app, person, password };
}

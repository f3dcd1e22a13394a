/**
 * First-run data: on an empty database `hearth serve` creates a demo app and a demo person who
 * uses it, so a newcomer can make a signed call at once.
 */
import { randomBytes } from 'node:crypto';
import type { App, Person, Store } from '../store/store.js';
import type { Services } from './services.js';

export interface DemoData {
  readonly app: App;
  readonly person: Person;
  readonly password: string;
}

export const DEMO_EMAIL = 'demo@hearth.local';

/** Returns the demo data it created, or `undefined` when the database already had apps or people. */
export async function seedDemoIfEmpty(store: Store, services: Services, callbackUrl: string): Promise<DemoData | undefined> {
  const [apps, people] = await Promise.all([store.apps.list(), store.people.list()]);
  if (apps.length > 0 || people.length > 0) return undefined;
  const password = randomBytes(9).toString('base64url');
  const app = await services.apps.register({ name: 'Demo App', type: 'web', callbackUrl });
  const person = await services.people.register({ email: DEMO_EMAIL, password, name: 'Demo Person' });
  await store.authorizations.authorize(person.uid, app.appId);
  return { app, person, password };
}

/**
 * A small world for the FBML renderer's tests, in an in-memory SQLite store with the real
 * services: Ada owns the profile, Bob is her friend, Cy uses the app but knows nobody, Dee knows
 * nobody and does not use the app. Each viewer kind of the tests is one of them, or nobody.
 */
import { renderProfileBox, type BoxPosition, type RenderedBox } from '../../src/fbml/index.js';
import { createServices } from '../../src/platform.js';
import { type Services } from '../../src/features/feature.js';
import { SqliteStore } from '../../src/platform.js';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { TEST_PASSWORD_COST } from '../support/test-server.js';

export interface FbmlWorld {
  readonly store: SqliteStore;
  readonly services: Services;
  readonly app: App;
  /** The profile owner: female, with a picture, uses the app. */
  readonly ada: Person;
  /** Ada's friend: male, no picture, does not use the app. */
  readonly bob: Person;
  /** Uses the app, nobody's friend, sex not given. */
  readonly cy: Person;
  /** Nobody's friend, does not use the app. */
  readonly dee: Person;
  /** Renders `fbml` on Ada's profile for `viewer` (`undefined`: nobody signed in), on a page reached at `platformHost`. */
  render(fbml: string, viewer: Person | undefined, position?: BoxPosition, platformHost?: string): Promise<RenderedBox>;
}

export type ViewerKind = 'owner' | 'friend' | 'app-user stranger' | 'stranger' | 'signed out';
export const VIEWER_KINDS: readonly ViewerKind[] = ['owner', 'friend', 'app-user stranger', 'stranger', 'signed out'];

export function viewerOf(world: FbmlWorld, kind: ViewerKind): Person | undefined {
  return { owner: world.ada, friend: world.bob, 'app-user stranger': world.cy, stranger: world.dee, 'signed out': undefined }[kind];
}

export async function createFbmlWorld(): Promise<FbmlWorld> {
  const store = SqliteStore.open(':memory:');
  const services = createServices(store, { passwordCost: TEST_PASSWORD_COST });
  const app = await services.apps.register({ name: 'Quiz', type: 'web', callbackUrl: 'http://quiz.example/' });
  const person = async (first: string, last: string, details: { sex?: string; pictureUrl?: string }) => {
    const created = await store.people.create({ email: `${first.toLowerCase()}@example.org`, passwordHash: 'unused', firstName: first, lastName: last });
    return (await store.people.update(created.uid, { sex: details.sex ?? null, pictureUrl: details.pictureUrl ?? null }, new Date()))!;
  };
  const ada = await person('Ada', 'Lovelace', { sex: 'female', pictureUrl: 'https://pics.example/ada.jpg' });
  const bob = await person('Bob', 'Bobson', { sex: 'male' });
  const cy = await person('Cy', 'Young', {});
  const dee = await person('Dee', 'Dee', { sex: 'female' });
  await services.friends.addDirectly(ada.uid, bob.uid);
  await store.authorizations.authorize(ada.uid, app.appId);
  await store.authorizations.authorize(cy.uid, app.appId);
  return {
    store, services, app, ada, bob, cy, dee,
    render: (fbml, viewer, position = 'wide', platformHost) =>
      renderProfileBox({ fbml, ownerUid: ada.uid, viewerUid: viewer?.uid, appId: app.appId, position, platformHost }, services),
  };
}

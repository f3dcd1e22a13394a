/**
 * The groups and pages suites' cast: Ada (who made the groups and the page), Bob, Cleo and Dan, each
 * signed in to a web app; an OPEN, a CLOSED and a SECRET group; a band's page and an app's About page.
 */
import type { ArgumentValue, RestClient, SessionInfo } from '../../sdk/index.js';
import type { App } from '../../src/features/apps/records.js';
import type { Group } from '../../src/features/groups/records.js';
import type { Page } from '../../src/features/pages/records.js';
import type { Person } from '../../src/features/people/records.js';
import { signedInSession, webClient } from '../support/sessions.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

export const XML_ROOT_ATTRIBUTES = 'xmlns="http://api.facebook.com/1.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://api.facebook.com/1.0/ http://api.facebook.com/1.0/facebook.xsd"';

type Name = 'ada' | 'bob' | 'cleo' | 'dan';

export interface CommunityCast {
  readonly server: TestServer;
  readonly web: App;
  readonly ada: Person;
  readonly bob: Person;
  readonly cleo: Person;
  readonly dan: Person;
  /** open: Ada (creator), Bob (officer), Cleo invited; closed: Ada, Bob; secret: Ada, Cleo invited. */
  readonly groups: { readonly open: Group; readonly closed: Group; readonly secret: Group };
  /** band: Ada admin, Bob and Cleo fans, added the web app; about: an app's About page, Bob a fan. */
  readonly pages: { readonly band: Page; readonly about: Page };
  readonly sessions: { readonly [name in Name]: SessionInfo };
  as(name: Name): RestClient;
}

export async function communityCast(backend: 'sqlite' | 'postgres'): Promise<CommunityCast> {
  const server = await startTestServer({ backend });
  const web = await server.createApp('web');
  const [ada, bob, cleo, dan] = [await server.createPerson('Ada Lovelace'), await server.createPerson('Bob Bobson'), await server.createPerson('Cleo Cleary'), await server.createPerson('Dan Dennett')];
  const at = new Date(Date.UTC(2010, 0, 1));
  const { groups: groupService, pages: pageService } = server.services;
  const open = await groupService.create({ name: 'Analytical Engine Fans', creator: ada.uid, description: 'Gears, cards and poetry.', groupType: 'Just for Fun', groupSubtype: 'Fan Clubs', venue: { state: 'CA', country: 'United States' } }, at);
  await groupService.addMember(open.gid, bob.uid, { officer: true }, at);
  await groupService.addMember(open.gid, cleo.uid, { invited: true }, at);
  const closed = await groupService.create({ name: 'Difference Engine Builders', creator: ada.uid, privacy: 'CLOSED' }, at);
  await groupService.addMember(closed.gid, bob.uid, {}, at);
  const secret = await groupService.create({ name: 'Note G Reading Circle', creator: ada.uid, privacy: 'SECRET' }, at);
  await groupService.addMember(secret.gid, cleo.uid, { invited: true }, at);
  const band = await pageService.create({ name: 'Hearth Quartet', admin: ada.uid, username: 'hearthquartet', type: 'MUSICIANS', website: 'http://hearth.example.org', details: { genre_party: '1', bio: 'Four strings & more' } }, at);
  await pageService.addFan(band.pageId, bob.uid, at);
  await pageService.addFan(band.pageId, cleo.uid, at);
  await pageService.addApp(band.pageId, web.appId, at);
  const about = await pageService.create({ name: 'Engine App', admin: dan.uid, type: 'APPLICATION' }, at);
  await pageService.addFan(about.pageId, bob.uid, at);
  const sessions = { ada: await signedInSession(server, web, ada), bob: await signedInSession(server, web, bob), cleo: await signedInSession(server, web, cleo), dan: await signedInSession(server, web, dan) };
  return { server, web, ada, bob, cleo, dan, groups: { open, closed, secret }, pages: { band, about }, sessions, as: (name) => webClient(server, web, sessions[name]) };
}

/** One of the cast, or nobody: the web app's server calling without a session. */
export type Caller = 'ada' | 'bob' | 'cleo' | 'dan' | undefined;

/** The body of `method` answered to `who` (XML unless `format` says otherwise). */
export async function answerTo(cast: CommunityCast, who: Caller, method: string, params: Readonly<Record<string, ArgumentValue>>, format: 'xml' | 'json' = 'xml'): Promise<string> {
  const client = who === undefined ? cast.server.client(cast.web) : cast.as(who);
  return (await client.callRaw(method, params, { format })).body;
}

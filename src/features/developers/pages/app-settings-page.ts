/**
 * `/developers/apps.php?app_id=N` (docs/developers.md): one app's keys, settings and developers,
 * for its developers only — anyone else gets the same 404 as for an app that does not exist. Each
 * section saves on its own; a refused section comes back with what was typed and each problem
 * marked (400), and nothing of it is stored. "Reset secret" asks first. A change done goes back to
 * the page (303). Without `app_id` the page is the list of the person's apps.
 */
import type { FastifyReply } from 'fastify';
import { InvalidInputError } from '../../../dispatch/invalid-input-error.js';
import type { PageContext } from '../../../http/page-kit/define-page.js';
import { redirectTo, sendPage, sendProblem } from '../../../http/page-kit/page-replies.js';
import type { App } from '../../apps/records.js';
import type { Services } from '../../feature.js';
import type { Person } from '../../people/records.js';
import { defineAccountPage } from '../../sign-in/pages/account-page.js';
import { displayName } from '../../sign-in/pages/browser-sign-in.js';
import { SECTIONS, type SectionId, type SettingSection } from '../app-settings.js';
import { CONFIRM_CANVAS_RENAME } from '../developer-service.js';
import { sentence } from '../setting-checks.js';
import {
  ADD_DEVELOPER_BUTTON, appSettingsView, CONFIRM_RESET_BUTTON, confirmResetView, REMOVE_DEVELOPER_BUTTON, RESET_BUTTON, saveButton,
  type AppSettingsView, type SectionState,
} from './app-settings-view.js';
import { APP_SETTINGS_PATH, appSettingsPath, DEVELOPERS_PATH } from './developer-paths.js';

/** What `?done=` says after a change. */
const DONE: Readonly<Record<string, string>> = {
  created: 'Your application is created, in sandbox mode. Its API key and secret are below.',
  saved: 'Your settings are saved.',
  secret: 'The secret is reset. Calls signed with the old one now fail; the new one is below.',
  'developer-added': 'The developer is added.',
  'developer-removed': 'The developer is removed.',
};

export const appSettingsPage = defineAccountPage({
  path: APP_SETTINGS_PATH,
  heading: 'Developers',
  reason: 'Sign in to see and change the settings of your applications.',
  actions: [...SECTIONS.map((section) => saveButton(section.id)), RESET_BUTTON, CONFIRM_RESET_BUTTON, ADD_DEVELOPER_BUTTON, REMOVE_DEVELOPER_BUTTON],
  show: async (page, person) => {
    const app = await requestedApp(page, person);
    if (app === undefined) return page.params.get('app_id') === undefined ? redirectTo(page.reply, 302, DEVELOPERS_PATH) : noSuchApp(page);
    const { params } = page;
    return sendPage(page.reply, 200, await view(page, person, app, { showSecret: params.flag('show_secret'), done: DONE[params.get('done') ?? ''] }));
  },
  change: (page, person) => change(page, person),
});

/** The app of `app_id`, if the person develops it. */
async function requestedApp({ params, services }: PageContext, person: Person): Promise<App | undefined> {
  const text = params.get('app_id');
  if (text === undefined || !/^\d{1,15}$/.test(text)) return undefined;
  return services.developers.appOf(person.uid, Number(text));
}

/** The same answer whether the app does not exist or is someone else's. */
function noSuchApp({ reply, params }: PageContext): FastifyReply {
  return sendProblem(reply, {
    status: 404,
    title: 'No such application',
    message: `You have no application with the id “${params.get('app_id') ?? ''}”.`,
    startOver: { href: DEVELOPERS_PATH, label: 'Your applications' },
  });
}

async function storedSections(services: Services, app: App): Promise<Map<SectionId, SectionState>> {
  const states = await Promise.all(SECTIONS.map(async (section) => [section.id, { values: await services.developers.values(app, section) }] as const));
  return new Map(states);
}

type ViewExtras = Partial<Pick<AppSettingsView, 'showSecret' | 'done' | 'developerProblem' | 'typedDeveloper'>> & {
  readonly refused?: { readonly section: SectionId; readonly state: SectionState };
};

async function view({ services, csrfToken }: PageContext, person: Person, app: App, extras: ViewExtras) {
  const [sections, developers] = await Promise.all([storedSections(services, app), services.developers.developers(app.appId)]);
  if (extras.refused) sections.set(extras.refused.section, extras.refused.state);
  return appSettingsView({ person, app, sections, developers, csrfToken: csrfToken(), showSecret: extras.showSecret ?? false, ...extras });
}

async function change(page: PageContext, person: Person): Promise<FastifyReply> {
  const app = await requestedApp(page, person);
  if (app === undefined) return noSuchApp(page);
  const { reply, params, services } = page;
  const section = SECTIONS.find((candidate) => params.flag(saveButton(candidate.id)));
  if (section) return save(page, person, app, section);
  if (params.flag(RESET_BUTTON)) return sendPage(reply, 200, confirmResetView(person, app, page.csrfToken()));
  if (params.flag(CONFIRM_RESET_BUTTON)) {
    await services.developers.resetSecret(app);
    return redirectTo(reply, 303, appSettingsPath(app.appId, 'show_secret=1&done=secret#keys'));
  }
  if (params.flag(ADD_DEVELOPER_BUTTON)) return addDeveloper(page, person, app);
  return removeDeveloper(page, person, app);
}

async function save(page: PageContext, person: Person, app: App, section: SettingSection): Promise<FastifyReply> {
  const typed = new Map<string, string>();
  for (const name of [...section.fields.map((field) => field.name), CONFIRM_CANVAS_RENAME]) {
    const value = page.params.raw(name);
    if (value !== undefined) typed.set(name, value);
  }
  const outcome = await page.services.developers.save(app, section, typed);
  if ('saved' in outcome) return redirectTo(page.reply, 303, appSettingsPath(app.appId, `done=saved#${section.id}`));
  // A refused check box shows as it was sent; the other fields as typed.
  const values = new Map(section.fields.map((field) => [field.name, field.kind === 'switch' ? (typed.has(field.name) ? '1' : '0') : (typed.get(field.name) ?? '')]));
  return sendPage(page.reply, 400, await view(page, person, app, { refused: { section: section.id, state: { values, problems: outcome.problems } } }));
}

async function addDeveloper(page: PageContext, person: Person, app: App): Promise<FastifyReply> {
  const typed = page.params.raw('developer') ?? '';
  try {
    const { person: added, added: isNew } = await page.services.developers.addDeveloper(app.appId, typed);
    if (!isNew) return sendPage(page.reply, 400, await view(page, person, app, { typedDeveloper: typed, developerProblem: `${displayName(added)} is already a developer of ${app.name}.` }));
    return redirectTo(page.reply, 303, appSettingsPath(app.appId, 'done=developer-added#developers'));
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    return sendPage(page.reply, 400, await view(page, person, app, { typedDeveloper: typed, developerProblem: sentence(error.message) }));
  }
}

async function removeDeveloper(page: PageContext, person: Person, app: App): Promise<FastifyReply> {
  const uid = Number(page.params.get(REMOVE_DEVELOPER_BUTTON));
  let removed = false;
  try {
    if (Number.isSafeInteger(uid)) removed = await page.services.developers.removeDeveloper(app.appId, uid, { keepOne: true });
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    return sendPage(page.reply, 400, await view(page, person, app, { developerProblem: sentence(error.message) }));
  }
  // Who removes themself can no longer see the app; a button for someone already gone changes nothing.
  if (removed && uid === person.uid) return redirectTo(page.reply, 303, `${DEVELOPERS_PATH}?done=left`);
  return redirectTo(page.reply, 303, appSettingsPath(app.appId, removed ? 'done=developer-removed#developers' : '#developers'));
}

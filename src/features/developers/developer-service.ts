/**
 * The developer's side of apps (docs/developers.md): a person makes an app and becomes its first
 * developer, sees and changes only the apps they develop, resets the secret, and adds or removes
 * developers. Settings are written in the property vocabulary of admin.setAppProperties, all of a
 * section or none.
 */
import { DuplicateError } from '../../db/store-errors.js';
import { InvalidInputError } from '../../dispatch/invalid-input-error.js';
import { propertyChanges, type PropertyValue } from '../app-admin/app-properties.js';
import { parseRateLimit } from '../apps/app-service.js';
import type { App, AppChanges } from '../apps/records.js';
import type { Services, Store } from '../feature.js';
import type { Person } from '../people/records.js';
import { APP_FIELDS, type SettingField, type SettingSection } from './app-settings.js';
import { checkedText, isUnderDomain, sentence } from './setting-checks.js';

/** What a section's form sent: each field's text (absent: an unticked box). */
export type TypedSettings = ReadonlyMap<string, string>;

export type SaveOutcome = { readonly saved: App } | { readonly problems: ReadonlyMap<string, string> };

/** The tick that confirms a new canvas page name for an app that has one (links to the old one break). */
export const CONFIRM_CANVAS_RENAME = 'confirm_canvas_name';

function formatRateLimit(app: App): string {
  return app.rateLimit ? `${app.rateLimit.requests}/${app.rateLimit.windowSeconds}` : '';
}

/** A property's value as a form shows it: switches `0`/`1`, lists as comma lists. */
function formText(value: PropertyValue): string {
  return Array.isArray(value) ? value.join(',') : String(value);
}

export class DeveloperService {
  readonly #store: Store;
  readonly #services: Services;

  constructor(store: Store, services: Services) {
    this.#store = store;
    this.#services = services;
  }

  /** A new web app named `name`, in sandbox mode, with `uid` as its developer. */
  async create(uid: number, name: string, now = new Date()): Promise<App> {
    const trimmed = name.trim();
    if (trimmed === '') throw new InvalidInputError('give your application a name');
    if ([...trimmed].length > 100) throw new InvalidInputError('an application name may be at most 100 characters long');
    const app = await this.#services.apps.register({ name: trimmed, type: 'web' });
    await this.#store.appAccess.changing(() =>
      this.#store.database.transaction(async (trx) => {
        await this.#store.developers.add(app.appId, uid, now, trx);
        await this.#store.appProperties.write(app.appId, propertyChanges([['dev_mode', 1]]).stored, trx);
      }),
    );
    return app;
  }

  /** The app, if `uid` develops it; otherwise undefined, whether or not it exists. */
  async appOf(uid: number, appId: number): Promise<App | undefined> {
    if (!(await this.#store.developers.isDeveloper(appId, uid))) return undefined;
    return this.#store.apps.findById(appId);
  }

  async appsOf(uid: number): Promise<App[]> {
    return this.#services.apps.findMany(await this.#store.developers.appsOf(uid));
  }

  isDeveloper(appId: number, uid: number): Promise<boolean> {
    return this.#store.developers.isDeveloper(appId, uid);
  }

  /** The section's current values, as its form shows them. */
  async values(app: App, section: SettingSection): Promise<Map<string, string>> {
    const names = section.fields.map((field) => field.name).filter((name) => name !== 'rate_limit');
    const read = await this.#services.appProperties.values(app, names);
    const values = new Map(names.map((name) => [name, formText(read[name]!)]));
    if (section.fields.some((field) => field.name === 'rate_limit')) values.set('rate_limit', formatRateLimit(app));
    return values;
  }

  /**
   * Checks every field of the section and, when all are right, stores them in one transaction;
   * otherwise nothing changes and each wrong field has its message.
   */
  async save(app: App, section: SettingSection, typed: TypedSettings): Promise<SaveOutcome> {
    const problems = new Map<string, string>();
    const properties: Array<[string, unknown]> = [];
    let fields: AppChanges = {};
    for (const field of section.fields) {
      try {
        const text = field.kind === 'switch' ? (typed.has(field.name) ? '1' : '0') : checkedText(field, typed.get(field.name) ?? '');
        if (APP_FIELDS.has(field.name)) fields = { ...fields, ...(await this.#appField(app, field, text, typed)) };
        else {
          const value = field.kind === 'switch' || field.kind === 'choice' ? Number(text) : text;
          // Checked alone first, so that a refusal names its own field.
          propertyChanges([[field.name, value]]);
          properties.push([field.name, value]);
        }
      } catch (error) {
        if (!(error instanceof InvalidInputError)) throw error;
        // The property vocabulary names the property; the form names the field.
        const message = error.message.startsWith(field.name) ? `${field.label}${error.message.slice(field.name.length)}` : error.message;
        problems.set(field.name, sentence(message));
      }
    }
    const connectUrl = properties.find(([name]) => name === 'connect_url')?.[1];
    const baseDomain = properties.find(([name]) => name === 'base_domain')?.[1];
    if (typeof connectUrl === 'string' && connectUrl !== '' && typeof baseDomain === 'string' && baseDomain !== '' && !isUnderDomain(connectUrl, baseDomain)) {
      problems.set('base_domain', `The Connect URL’s host ${new URL(connectUrl).hostname} is not under ${baseDomain}: a base domain must hold your site.`);
    }
    if (problems.size > 0) return { problems };

    const changes = propertyChanges(properties);
    try {
      await this.#store.appAccess.changing(() =>
        this.#store.database.transaction(async (trx) => {
          await this.#store.appProperties.write(app.appId, changes.stored, trx);
          const appChanges = { ...changes.app, ...fields };
          if (Object.keys(appChanges).length > 0) await this.#store.apps.update(app.appId, appChanges, trx);
        }),
      );
    } catch (error) {
      // Another app took the canvas name between the check and the write.
      if (error instanceof DuplicateError) return { problems: new Map([['canvas_name', 'Another application has just taken that canvas page name. Choose another.']]) };
      throw error;
    }
    return { saved: (await this.#store.apps.findById(app.appId)) ?? app };
  }

  /** The change to the app itself that `canvas_name`, `desktop` or `rate_limit` asks for. */
  async #appField(app: App, field: SettingField, text: string, typed: TypedSettings): Promise<AppChanges> {
    if (field.name === 'rate_limit') return { rateLimit: text === '' ? null : parseRateLimit(text) };
    if (field.name === 'desktop') {
      const type = text === '1' ? 'desktop' : 'web';
      if (type === 'desktop' && app.canvasName !== null) {
        throw new InvalidInputError(`a desktop program has no canvas pages: remove the canvas page name “${app.canvasName}” (Canvas) first`);
      }
      return { type };
    }
    const canvasName = text === '' ? null : text.toLowerCase();
    await this.#services.canvas.checkName(canvasName, app.type, app.appId);
    if (app.canvasName !== null && canvasName !== app.canvasName && !typed.has(CONFIRM_CANVAS_RENAME)) {
      throw new InvalidInputError(`links to /apps/${app.canvasName}/ stop working when the name changes: tick “Change the canvas page name” to confirm`);
    }
    return { canvasName };
  }

  /** A new secret: calls signed with the old one fail from now on. */
  resetSecret(app: App): Promise<App> {
    return this.#services.apps.update(String(app.appId), { newSecret: true });
  }

  /** The app's developers, in the order they were added. */
  async developers(appId: number): Promise<Person[]> {
    const uids = await this.#store.developers.developersOf(appId);
    const people = new Map((await this.#services.people.findMany(uids)).map((person) => [person.uid, person]));
    return uids.map((uid) => people.get(uid)).filter((person): person is Person => person !== undefined);
  }

  /** Adds the person named by uid or e-mail; InvalidInputError when there is no such person. */
  async addDeveloper(appId: number, who: string, now = new Date()): Promise<{ readonly person: Person; readonly added: boolean }> {
    const text = who.trim();
    if (text === '') throw new InvalidInputError('give the uid or the e-mail address of the person to add');
    const person = /^\d{1,15}$/.test(text) ? await this.#services.people.find(Number(text)) : await this.#services.people.findByEmail(text);
    if (!person) throw new InvalidInputError(`no one here has the uid or e-mail address “${text}”`);
    return { person, added: await this.#store.appAccess.changing(() => this.#store.developers.add(appId, person.uid, now)) };
  }

  /**
   * Removes a developer. On the page an app keeps at least one (`keepOne`), or no one could
   * change it any more; the operator may remove the last.
   */
  async removeDeveloper(appId: number, uid: number, options: { readonly keepOne: boolean }): Promise<boolean> {
    if (options.keepOne) {
      const developers = await this.#store.developers.developersOf(appId);
      if (developers.length === 1 && developers[0] === uid) {
        throw new InvalidInputError('an application keeps at least one developer: add another before you remove yourself');
      }
    }
    return this.#store.appAccess.changing(() => this.#store.developers.remove(appId, uid));
  }
}

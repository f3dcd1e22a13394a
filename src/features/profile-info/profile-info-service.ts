/**
 * Application info sections (docs/profile-info.md): the section each app keeps on a person's
 * profile, and the typeahead options an app offers for its fields.
 */
import type { App } from '../apps/records.js';
import type { Store } from '../feature.js';
import { parseInfoFields, parseInfoItems } from './info-fields.js';
import type { InfoItem, InfoSection, InfoSectionType } from './records.js';

/** What an app sent to profile.setInfo, `fields` decoded from JSON but not yet checked. */
export interface SectionInput {
  readonly title: string;
  readonly type: InfoSectionType;
  readonly fields: unknown;
}

/** A section as the profile page shows it: with the app it belongs to. */
export interface ShownInfoSection {
  readonly app: App;
  readonly section: InfoSection;
}

export class ProfileInfoService {
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  /**
   * Replaces the person's section for the app. The fields are checked first (1051 names the first
   * problem; nothing is stored then). `title` is as sectionTitle gives it.
   */
  async setSection(uid: number, appId: number, input: SectionInput): Promise<InfoSection> {
    const section: InfoSection = { title: input.title, type: input.type, fields: parseInfoFields(input.fields) };
    await this.#store.infoSections.put(uid, appId, section);
    return section;
  }

  /** The section as last stored, or undefined when the app has none for the person. */
  section(uid: number, appId: number): Promise<InfoSection | undefined> {
    return this.#store.infoSections.get(uid, appId);
  }

  /** Replaces the options of one of the app's fields (`field` as infoFieldName gives it); `[]` removes them. */
  async setOptions(appId: number, field: string, options: unknown): Promise<void> {
    await this.#store.infoOptions.put(appId, field, parseInfoItems(options, 'options', { allowEmpty: true }));
  }

  options(appId: number, field: string): Promise<InfoItem[]> {
    return this.#store.infoOptions.get(appId, field);
  }

  /**
   * The sections shown on a person's profile, by app_id: those of apps that still exist and that
   * the person has authorized, with at least one field. Removing an app deletes its section
   * (index.ts), so the authorization check only guards against a removal still in flight.
   */
  async shownOn(uid: number): Promise<ShownInfoSection[]> {
    const stored = (await this.#store.infoSections.listForPerson(uid)).filter((section) => section.fields.length > 0);
    if (stored.length === 0) return [];
    const authorized = new Set(await this.#store.authorizations.listApps(uid));
    const shown = await Promise.all(
      stored.map(async ({ appId, ...section }) => {
        const app = authorized.has(appId) ? await this.#store.apps.findById(appId) : undefined;
        return app === undefined ? [] : [{ app, section }];
      }),
    );
    return shown.flat();
  }
}

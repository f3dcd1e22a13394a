/** Info sections and field options in the database, one SQL text for both dialects. */
import type { Database } from '../../db/database.js';
import { prepareQuery, type Placeholders } from '../../db/prepared-query.js';
import type { AppInfoSection, InfoField, InfoItem, InfoOptionRepository, InfoSection, InfoSectionRepository, InfoSectionType } from './records.js';

interface SectionRow {
  readonly title: string;
  readonly type: number;
  readonly fields: string;
}

// Rows are written only by `put` below, from values the service has already checked.
function sectionOf(row: SectionRow): InfoSection {
  return { title: row.title, type: row.type as InfoSectionType, fields: JSON.parse(row.fields) as InfoField[] };
}

export class StoredInfoSectionRepository implements InfoSectionRepository {
  readonly #get;
  readonly #listForPerson;
  readonly #put;

  constructor(db: Database) {
    this.#get = prepareQuery(db, (q, p: Placeholders<{ uid: number; appId: number }>) =>
      q.selectFrom('profile_info_sections').select(['title', 'type', 'fields']).where('uid', '=', p.uid).where('app_id', '=', p.appId),
    );
    this.#listForPerson = prepareQuery(db, (q, p: Placeholders<{ uid: number }>) =>
      q.selectFrom('profile_info_sections').select(['app_id', 'title', 'type', 'fields']).where('uid', '=', p.uid).orderBy('app_id'),
    );
    // One statement, so two concurrent calls leave one whole section, never a mix of both.
    this.#put = prepareQuery(db, (q, p: Placeholders<{ uid: number; appId: number; title: string; type: number; fields: string; now: number }>) =>
      q
        .insertInto('profile_info_sections')
        .values({ uid: p.uid, app_id: p.appId, title: p.title, type: p.type, fields: p.fields, updated_at: p.now })
        .onConflict((conflict) =>
          conflict.columns(['uid', 'app_id']).doUpdateSet((eb) => ({
            title: eb.ref('excluded.title'),
            type: eb.ref('excluded.type'),
            fields: eb.ref('excluded.fields'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        ),
    );
  }

  async get(uid: number, appId: number): Promise<InfoSection | undefined> {
    const row = await this.#get.first({ uid, appId });
    return row && sectionOf(row);
  }

  async listForPerson(uid: number): Promise<AppInfoSection[]> {
    return (await this.#listForPerson.all({ uid })).map((row) => ({ appId: row.app_id, ...sectionOf(row) }));
  }

  async put(uid: number, appId: number, section: InfoSection): Promise<void> {
    await this.#put.run({ uid, appId, title: section.title, type: section.type, fields: JSON.stringify(section.fields), now: Date.now() });
  }
}

export class StoredInfoOptionRepository implements InfoOptionRepository {
  readonly #get;
  readonly #put;
  readonly #remove;

  constructor(db: Database) {
    this.#get = prepareQuery(db, (q, p: Placeholders<{ appId: number; field: string }>) =>
      q.selectFrom('profile_info_options').select('items').where('app_id', '=', p.appId).where('field', '=', p.field),
    );
    this.#put = prepareQuery(db, (q, p: Placeholders<{ appId: number; field: string; items: string; now: number }>) =>
      q
        .insertInto('profile_info_options')
        .values({ app_id: p.appId, field: p.field, items: p.items, updated_at: p.now })
        .onConflict((conflict) =>
          conflict.columns(['app_id', 'field']).doUpdateSet((eb) => ({ items: eb.ref('excluded.items'), updated_at: eb.ref('excluded.updated_at') })),
        ),
    );
    this.#remove = prepareQuery(db, (q, p: Placeholders<{ appId: number; field: string }>) =>
      q.deleteFrom('profile_info_options').where('app_id', '=', p.appId).where('field', '=', p.field),
    );
  }

  async get(appId: number, field: string): Promise<InfoItem[]> {
    const row = await this.#get.first({ appId, field });
    return row === undefined ? [] : (JSON.parse(row.items) as InfoItem[]);
  }

  async put(appId: number, field: string, items: readonly InfoItem[]): Promise<void> {
    if (items.length === 0) await this.#remove.run({ appId, field });
    else await this.#put.run({ appId, field, items: JSON.stringify(items), now: Date.now() });
  }
}

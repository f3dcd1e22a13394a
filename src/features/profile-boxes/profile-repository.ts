/** Profile FBML in the database, for both dialects. */
import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { prepareQuery, type Placeholders } from '../../db/prepared-query.js';
import type { AppProfileFbml, ProfileFbml, ProfileFbmlRepository } from './records.js';

const SLOTS = ['profile', 'profile_main', 'mobile_profile', 'profile_action'] as const;

function slotsOf(row: { profile: string | null; profile_main: string | null; mobile_profile: string | null; profile_action: string | null }): ProfileFbml {
  return { profile: row.profile, profileMain: row.profile_main, mobileProfile: row.mobile_profile, profileAction: row.profile_action };
}

type Slots = { profile: string | null; profile_main: string | null; mobile_profile: string | null; profile_action: string | null };

export class StoredProfileFbmlRepository implements ProfileFbmlRepository {
  readonly #get;
  readonly #listForPerson;
  readonly #update;

  constructor(db: Database) {
    this.#get = prepareQuery(db, (q, p: Placeholders<{ uid: number; appId: number }>) =>
      q.selectFrom('profile_fbml').select(SLOTS).where('uid', '=', p.uid).where('app_id', '=', p.appId),
    );
    this.#listForPerson = prepareQuery(db, (q, p: Placeholders<{ uid: number }>) =>
      q.selectFrom('profile_fbml').select(['app_id', ...SLOTS]).where('uid', '=', p.uid).orderBy('app_id'),
    );
    // One statement, so a concurrent writer of other slots is never overwritten with stale values.
    const keep = (column: (typeof SLOTS)[number]) => sql<string | null>`COALESCE(excluded.${sql.ref(column)}, profile_fbml.${sql.ref(column)})`;
    this.#update = prepareQuery(db, (q, p: Placeholders<Slots & { uid: number; appId: number; now: number }>) =>
      q
        .insertInto('profile_fbml')
        .values({ uid: p.uid, app_id: p.appId, profile: p.profile, profile_main: p.profile_main, mobile_profile: p.mobile_profile, profile_action: p.profile_action, updated_at: p.now })
        .onConflict((conflict) =>
          conflict.columns(['uid', 'app_id']).doUpdateSet((eb) => ({
            profile: keep('profile'),
            profile_main: keep('profile_main'),
            mobile_profile: keep('mobile_profile'),
            profile_action: keep('profile_action'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        ),
    );
  }

  async get(uid: number, appId: number): Promise<ProfileFbml | undefined> {
    const row = await this.#get.first({ uid, appId });
    return row && slotsOf(row);
  }

  async listForPerson(uid: number): Promise<AppProfileFbml[]> {
    return (await this.#listForPerson.all({ uid })).map((row) => ({ appId: row.app_id, ...slotsOf(row) }));
  }

  async update(uid: number, appId: number, slots: Partial<ProfileFbml>): Promise<void> {
    await this.#update.run({
      uid,
      appId,
      profile: slots.profile ?? null,
      profile_main: slots.profileMain ?? null,
      mobile_profile: slots.mobileProfile ?? null,
      profile_action: slots.profileAction ?? null,
      now: Date.now(),
    });
  }
}

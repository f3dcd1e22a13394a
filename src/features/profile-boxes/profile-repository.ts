/** Profile FBML in the database, for both dialects. */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { AppProfileFbml, ProfileFbml, ProfileFbmlRepository } from './records.js';

const SLOTS = ['profile', 'profile_main', 'mobile_profile', 'profile_action'] as const;

function slotsOf(row: { profile: string | null; profile_main: string | null; mobile_profile: string | null; profile_action: string | null }): ProfileFbml {
  return { profile: row.profile, profileMain: row.profile_main, mobileProfile: row.mobile_profile, profileAction: row.profile_action };
}

export class StoredProfileFbmlRepository implements ProfileFbmlRepository {
  readonly #db: Executor;

  constructor(db: Executor) {
    this.#db = db;
  }

  async get(uid: number, appId: number): Promise<ProfileFbml | undefined> {
    const row = await this.#db.selectFrom('profile_fbml').select(SLOTS).where('uid', '=', uid).where('app_id', '=', appId).executeTakeFirst();
    return row && slotsOf(row);
  }

  async listForPerson(uid: number): Promise<AppProfileFbml[]> {
    const rows = await this.#db.selectFrom('profile_fbml').select(['app_id', ...SLOTS]).where('uid', '=', uid).orderBy('app_id').execute();
    return rows.map((row) => ({ appId: row.app_id, ...slotsOf(row) }));
  }

  async update(uid: number, appId: number, slots: Partial<ProfileFbml>): Promise<void> {
    // One statement, so a concurrent writer of other slots is never overwritten with stale values.
    const keep = (column: (typeof SLOTS)[number]) => sql<string | null>`COALESCE(excluded.${sql.ref(column)}, profile_fbml.${sql.ref(column)})`;
    await this.#db
      .insertInto('profile_fbml')
      .values({
        uid,
        app_id: appId,
        profile: slots.profile ?? null,
        profile_main: slots.profileMain ?? null,
        mobile_profile: slots.mobileProfile ?? null,
        profile_action: slots.profileAction ?? null,
        updated_at: Date.now(),
      })
      .onConflict((conflict) =>
        conflict.columns(['uid', 'app_id']).doUpdateSet((eb) => ({
          profile: keep('profile'),
          profile_main: keep('profile_main'),
          mobile_profile: keep('mobile_profile'),
          profile_action: keep('profile_action'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}

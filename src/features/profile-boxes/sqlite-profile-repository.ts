import { slotsOf, type ProfileRow } from '../rows.js';
import type { AppProfileFbml, ProfileFbml, ProfileFbmlRepository } from '../store.js';
import { guarded, type SqliteDatabase } from '../../db/sqlite/sqlite-connection.js';

export class SqliteProfileFbmlRepository implements ProfileFbmlRepository {
  readonly #get;
  readonly #upsert;
  readonly #listForPerson;

  constructor(db: SqliteDatabase) {
    this.#get = db.prepare<[number, number], ProfileRow>(
      'SELECT profile, profile_main, mobile_profile, profile_action FROM profile_fbml WHERE uid = ? AND app_id = ?',
    );
    this.#listForPerson = db.prepare<[number], ProfileRow & { app_id: number }>(
      'SELECT app_id, profile, profile_main, mobile_profile, profile_action FROM profile_fbml WHERE uid = ? ORDER BY app_id',
    );
    // One statement, so a concurrent writer of other slots is never overwritten with stale values.
    this.#upsert = db.prepare(
      `INSERT INTO profile_fbml (uid, app_id, profile, profile_main, mobile_profile, profile_action, updated_at)
       VALUES (@uid, @app_id, @profile, @profile_main, @mobile_profile, @profile_action, @now)
       ON CONFLICT (uid, app_id) DO UPDATE SET
         profile = COALESCE(excluded.profile, profile),
         profile_main = COALESCE(excluded.profile_main, profile_main),
         mobile_profile = COALESCE(excluded.mobile_profile, mobile_profile),
         profile_action = COALESCE(excluded.profile_action, profile_action),
         updated_at = excluded.updated_at`,
    );
  }

  get(uid: number, appId: number): Promise<ProfileFbml | undefined> {
    return guarded(() => {
      const row = this.#get.get(uid, appId);
      return row && slotsOf(row);
    });
  }

  listForPerson(uid: number): Promise<AppProfileFbml[]> {
    return guarded(() => this.#listForPerson.all(uid).map((row) => ({ appId: row.app_id, ...slotsOf(row) })));
  }

  update(uid: number, appId: number, slots: Partial<ProfileFbml>): Promise<void> {
    return guarded(() => {
      this.#upsert.run({
        uid,
        app_id: appId,
        profile: slots.profile ?? null,
        profile_main: slots.profileMain ?? null,
        mobile_profile: slots.mobileProfile ?? null,
        profile_action: slots.profileAction ?? null,
        now: Date.now(),
      });
    });
  }
}

import { slotsOf, type ProfileRow as SharedProfileRow } from '../rows.js';
import type { AppProfileFbml, ProfileFbml, ProfileFbmlRepository } from '../store.js';
import type { PostgresConnection } from '../../db/postgres/postgres-connection.js';

interface ProfileRow extends SharedProfileRow {
  app_id: number;
}

export class PostgresProfileFbmlRepository implements ProfileFbmlRepository {
  readonly #db: PostgresConnection;

  constructor(db: PostgresConnection) {
    this.#db = db;
  }

  async get(uid: number, appId: number): Promise<ProfileFbml | undefined> {
    const { rows } = await this.#db.query<ProfileRow>('SELECT * FROM profile_fbml WHERE uid = $1 AND app_id = $2', [uid, appId]);
    return rows[0] && slotsOf(rows[0]);
  }

  async listForPerson(uid: number): Promise<AppProfileFbml[]> {
    const { rows } = await this.#db.query<ProfileRow>('SELECT * FROM profile_fbml WHERE uid = $1 ORDER BY app_id', [uid]);
    return rows.map((row) => ({ appId: row.app_id, ...slotsOf(row) }));
  }

  async update(uid: number, appId: number, slots: Partial<ProfileFbml>): Promise<void> {
    // One statement, so a concurrent writer of other slots is never overwritten with stale values.
    await this.#db.query(
      `INSERT INTO profile_fbml AS stored (uid, app_id, profile, profile_main, mobile_profile, profile_action, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (uid, app_id) DO UPDATE SET
         profile = COALESCE(excluded.profile, stored.profile),
         profile_main = COALESCE(excluded.profile_main, stored.profile_main),
         mobile_profile = COALESCE(excluded.mobile_profile, stored.mobile_profile),
         profile_action = COALESCE(excluded.profile_action, stored.profile_action),
         updated_at = excluded.updated_at`,
      [uid, appId, slots.profile ?? null, slots.profileMain ?? null, slots.mobileProfile ?? null, slots.profileAction ?? null, Date.now()],
    );
  }
}

export interface Person {
  readonly uid: number;
  readonly email: string;
  /** `scrypt$…` text made by the people service; the store never sees a password. */
  readonly passwordHash: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly pictureUrl: string | null;
  /** `male`, `female`, or `null` when not given. */
  readonly sex: string | null;
  /** As displayed, e.g. `November 3` or `November 3, 1985`. */
  readonly birthday: string | null;
  /** e.g. `en_US`. */
  readonly locale: string;
  /** Offset from GMT in hours, e.g. `-8` or `5.5`. */
  readonly timezone: number | null;
  /** When the person last changed their profile; `null` if never. */
  readonly profileUpdatedAt: Date | null;
  readonly createdAt: Date;
}

/** Profile fields a person (or an operator) may change; absent fields stay as they are. */
export interface PersonChanges {
  readonly email?: string;
  readonly passwordHash?: string;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly pictureUrl?: string | null;
  readonly sex?: string | null;
  readonly birthday?: string | null;
  readonly locale?: string;
  readonly timezone?: number | null;
}

export interface NewPerson {
  readonly email: string;
  readonly passwordHash: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly pictureUrl?: string | null;
}

export interface PersonRepository {
  /** Assigns the next uid. Throws `DuplicateError` if the e-mail is taken. */
  create(person: NewPerson): Promise<Person>;
  findByUid(uid: number): Promise<Person | undefined>;
  /** Exact match: the people service stores and looks up e-mails in one normalised form. */
  findByEmail(email: string): Promise<Person | undefined>;
  /** Several people at once, in no particular order; unknown uids are left out. */
  findMany(uids: readonly number[]): Promise<Person[]>;
  /** People whose full name (first and last, one space between) is one of `names`, exactly; ascending uids, at most 1000. */
  findByFullNames(names: readonly string[]): Promise<Person[]>;
  list(): Promise<Person[]>;
  /**
   * Changes a person and stamps the profile update time (except for e-mail or password only).
   * Returns the updated person, or `undefined` if there is no such uid. Throws `DuplicateError`
   * for an e-mail that is taken.
   */
  update(uid: number, changes: PersonChanges, now: Date): Promise<Person | undefined>;
}

/** The FBML slots profile.setFBML takes (docs/METHODS.md); `null` is a slot never set. */
export interface ProfileFbml {
  readonly profile: string | null;
  readonly profileMain: string | null;
  readonly mobileProfile: string | null;
  readonly profileAction: string | null;
}

export type ProfileFbmlSlot = keyof ProfileFbml;

/** One app's stored slots for a person (`ProfileFbmlRepository.listForPerson`). */
export interface AppProfileFbml extends ProfileFbml {
  readonly appId: number;
}

export interface ProfileFbmlRepository {
  /** `undefined` when the app never set FBML for this person. */
  get(uid: number, appId: number): Promise<ProfileFbml | undefined>;
  /** Writes the given slots and leaves the others as stored, in one atomic step. */
  update(uid: number, appId: number, slots: Partial<ProfileFbml>): Promise<void>;
  /** Every app's stored slots for one person (the profile page), in ascending app_id order. */
  listForPerson(uid: number): Promise<AppProfileFbml[]>;
}

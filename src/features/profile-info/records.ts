/** What the profile-info feature keeps (docs/profile-info.md), and the repository that keeps it. */

/** `1`: text items (label and link shown); `5`: thumbnail items (image, label, sublabel, description). */
export type InfoSectionType = 1 | 5;

/**
 * One item of a field. The optional keys are present exactly when the app sent them (an empty
 * string included), so that profile.getInfo gives back what was stored.
 */
export interface InfoItem {
  readonly label: string;
  readonly sublabel?: string;
  readonly description?: string;
  readonly link: string;
  readonly image?: string;
}

/** A labelled list of items ("Favorite Engines": …); the colon is added when shown. */
export interface InfoField {
  readonly field: string;
  readonly items: readonly InfoItem[];
}

export interface InfoSection {
  readonly title: string;
  readonly type: InfoSectionType;
  readonly fields: readonly InfoField[];
}

/** One app's section on a person's profile (`InfoSectionRepository.listForPerson`). */
export interface AppInfoSection extends InfoSection {
  readonly appId: number;
}

export interface InfoSectionRepository {
  /** `undefined` when the app never set a section for this person (or it went with the app). */
  get(uid: number, appId: number): Promise<InfoSection | undefined>;
  /** Replaces the whole section of this person and app. */
  put(uid: number, appId: number, section: InfoSection): Promise<void>;
  /** Every app's section for one person, in ascending app_id order (the profile page). */
  listForPerson(uid: number): Promise<AppInfoSection[]>;
}

export interface InfoOptionRepository {
  /** The options of one of the app's fields; none when never set. */
  get(appId: number, field: string): Promise<InfoItem[]>;
  /** Replaces the options of the field; an empty list removes them. */
  put(appId: number, field: string, items: readonly InfoItem[]): Promise<void>;
}

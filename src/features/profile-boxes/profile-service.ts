/**
 * Profile FBML per person per app, with the slot rules of profile.setFBML
 * (docs/protocol-choices.md, "Methods").
 */
import { checkFbml } from '../../fbml/index.js';
import type { AppProfileFbml, ProfileFbml } from './records.js';
import type { Store } from '../feature.js';

export type ProfileBox = 'profile' | 'profileMain';

/** The slots as profile.setFBML names its parameters, `markup` being the 2007 one. */
export interface FbmlSlots {
  readonly profile?: string | undefined;
  readonly profileMain?: string | undefined;
  readonly mobileProfile?: string | undefined;
  readonly profileAction?: string | undefined;
  readonly markup?: string | undefined;
}

/** The wire name of each slot, for messages that name the parameter an app sent. */
const PARAMETER_NAMES: Readonly<Record<keyof FbmlSlots, string>> = {
  profile: 'profile',
  profileMain: 'profile_main',
  mobileProfile: 'mobile_profile',
  profileAction: 'profile_action',
  markup: 'markup',
};

/** What `setFbml` did. */
export type SetFbmlOutcome =
  | { readonly outcome: 'stored' }
  /** No slot had any text. */
  | { readonly outcome: 'empty' }
  /** A slot's markup cannot be stored (`checkFbml`); nothing was stored. `parameter` is its wire name. */
  | { readonly outcome: 'refused'; readonly parameter: string; readonly problem: string };

export class ProfileService {
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  /**
   * Stores the non-empty slots and leaves empty ones as they were, because the PHP client sends
   * all of them on every call. The 2007 `markup` parameter fills `profile` when that is empty.
   * Every slot to be stored must pass `checkFbml`; if one does not, none is stored. The text is
   * stored exactly as given, whatever the check thought of it.
   */
  async setFbml(uid: number, appId: number, slots: FbmlSlots): Promise<SetFbmlOutcome> {
    // Which parameter each stored slot came from, in the order the parameters are documented.
    const given: Array<[keyof ProfileFbml, keyof FbmlSlots, string]> = [];
    if (slots.profile) given.push(['profile', 'profile', slots.profile]);
    else if (slots.markup) given.push(['profile', 'markup', slots.markup]);
    if (slots.profileMain) given.push(['profileMain', 'profileMain', slots.profileMain]);
    if (slots.mobileProfile) given.push(['mobileProfile', 'mobileProfile', slots.mobileProfile]);
    if (slots.profileAction) given.push(['profileAction', 'profileAction', slots.profileAction]);
    if (given.length === 0) return { outcome: 'empty' };
    for (const [, source, text] of given) {
      const [problem] = checkFbml(text);
      if (problem !== undefined) return { outcome: 'refused', parameter: PARAMETER_NAMES[source], problem };
    }
    await this.#store.profiles.update(uid, appId, Object.fromEntries(given.map(([slot, , text]) => [slot, text])));
    return { outcome: 'stored' };
  }

  /** The stored text of one box, or '' when the app never set it. */
  async getFbml(uid: number, appId: number, box: ProfileBox): Promise<string> {
    const stored = await this.#store.profiles.get(uid, appId);
    return stored?.[box] ?? '';
  }

  /** Every app's stored boxes for a person, in ascending app_id order (the profile page). */
  boxesOf(uid: number): Promise<AppProfileFbml[]> {
    return this.#store.profiles.listForPerson(uid);
  }
}

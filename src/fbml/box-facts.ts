/**
 * What a box needs to know about people before it renders: who they are, whether they are the
 * viewer's friends, whether they use the app. The tags say what they will ask (FactNeeds), the
 * answers are fetched in one round of batched service calls, and rendering then runs
 * synchronously against the answers (BoxFacts).
 */
import type { RenderRequest } from './fbml-api.js';

/** What the tags print of a person; the people feature's records fit. */
export interface Person {
  readonly uid: number;
  readonly firstName: string;
  readonly lastName: string;
  readonly pictureUrl: string | null;
  /** `male`, `female`, or `null` when not given. */
  readonly sex: string | null;
}

/** The questions the renderer asks of the platform; the features' services fit. */
export interface FbmlServices {
  readonly people: { findMany(uids: readonly number[]): Promise<readonly Person[]> };
  readonly friends: { friendsOf(uid: number): Promise<readonly number[]> };
  readonly grants: { isAppUser(uid: number, appId: number): Promise<boolean> };
}

/** Collected from the tags before rendering. */
export class FactNeeds {
  /** People whose names, pictures or sex a tag prints. */
  readonly people = new Set<number>();
  /** People a tag asks "is this a friend of the viewer?" about. */
  readonly friendsOfViewer = new Set<number>();
  /** People a tag asks "has this person authorized the app?" about. */
  readonly appUsers = new Set<number>();
  /** A tag lists the viewer's friends by name (the friend selectors of canvas pages). */
  listViewerFriends = false;
}

/** The answers, for the render. Anything not asked for reads as unknown / false. */
export interface BoxFacts {
  person(uid: number): Person | undefined;
  /** Whether `uid` and the viewer are friends (false when nobody is signed in). */
  isFriendOfViewer(uid: number): boolean;
  isAppUser(uid: number): boolean;
  /** The viewer's friends, when a tag asked for the list (`FactNeeds.listViewerFriends`); else empty. */
  viewerFriends(): readonly number[];
}

/** Facts as gathered: with a text naming every answer they hold, so two renders can tell whether they saw the same world. */
export interface GatheredFacts extends BoxFacts {
  readonly fingerprint: string;
}

/** `knownAppUsers`: people the caller already knows to be app users (a canvas page's viewer); not asked again. */
export async function gatherFacts(needs: FactNeeds, request: RenderRequest, services: FbmlServices, knownAppUsers: readonly number[] = []): Promise<GatheredFacts> {
  const viewer = request.viewerUid;
  const asksNothing = needs.people.size === 0 && needs.appUsers.size === 0 && (viewer === undefined || (needs.friendsOfViewer.size === 0 && !needs.listViewerFriends));
  if (asksNothing && knownAppUsers.length === 0) return NO_FACTS;
  const appUserUids = [...needs.appUsers].filter((uid) => !knownAppUsers.includes(uid));
  // A tag that lists the viewer's friends by name needs the list first, so that their names are
  // fetched with everyone else's in the one people call.
  const listedFriends = needs.listViewerFriends && viewer !== undefined ? await services.friends.friendsOf(viewer) : undefined;
  const peopleUids = listedFriends ? new Set([...needs.people, ...listedFriends]) : needs.people;
  const [people, viewerFriends, appUserAnswers] = await Promise.all([
    peopleUids.size > 0 ? services.people.findMany([...peopleUids]) : [],
    // One list of the viewer's friends answers every friendship question the box asks.
    listedFriends ?? (viewer !== undefined && needs.friendsOfViewer.size > 0 ? services.friends.friendsOf(viewer) : []),
    Promise.all(appUserUids.map((uid) => services.grants.isAppUser(uid, request.appId))),
  ]);
  return knownFacts({
    people,
    viewerFriends,
    appUsers: [...knownAppUsers, ...appUserUids.filter((_, index) => appUserAnswers[index])],
    listsViewerFriends: listedFriends !== undefined,
  });
}

/** What a box that asks about nobody knows (most pages for a visitor). */
const NO_FACTS: GatheredFacts = knownFacts({ people: [], viewerFriends: [], appUsers: [] });

/** Facts from plain lists: what gatherFacts builds, and what tests and the benchmark can hand in. */
export function knownFacts(known: {
  readonly people: readonly Person[];
  readonly viewerFriends: readonly number[];
  readonly appUsers: readonly number[];
  /** Whether `viewerFriends` answers viewerFriends() (it may be a partial list otherwise). */
  readonly listsViewerFriends?: boolean;
}): GatheredFacts {
  const people = new Map(known.people.map((person) => [person.uid, person]));
  const friends = new Set(known.viewerFriends);
  const appUsers = new Set(known.appUsers);
  const friendList = known.listsViewerFriends ? [...known.viewerFriends] : [];
  let fingerprint: string | undefined;
  return {
    // Only what the tags can read of a person (the records may carry more); written when first asked.
    get fingerprint() {
      fingerprint ??= JSON.stringify([
        known.people.map(({ uid, firstName, lastName, pictureUrl, sex }) => [uid, firstName, lastName, pictureUrl, sex]),
        known.viewerFriends,
        known.appUsers,
        known.listsViewerFriends === true,
      ]);
      return fingerprint;
    },
    person: (uid) => people.get(uid),
    isFriendOfViewer: (uid) => friends.has(uid),
    isAppUser: (uid) => appUsers.has(uid),
    viewerFriends: () => friendList,
  };
}

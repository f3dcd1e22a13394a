/**
 * Friend lists: a person puts some of their friends under a name of their own ("Family", "Engine
 * Club"). A list is its owner's alone: only they (and apps acting in their session) see it, and
 * every change names the owner, so someone else's flid changes nothing. Members are always the
 * owner's friends: adding anyone else is refused, and when a friendship ends each person leaves
 * the other's lists (friendship-repository.ts).
 *
 * Names are trimmed, non-empty, at most MAX_LIST_NAME_LENGTH characters, without control
 * characters (they could not be written back in XML), and unique per owner as typed.
 */
import type { Store } from '../feature.js';
import { DuplicateError } from '../../db/store-errors.js';
import { InvalidInputError } from '../../dispatch/invalid-input-error.js';
import type { AddMemberOutcome, FriendList } from './records.js';

export type { AddMemberOutcome, FriendList } from './records.js';

export const MAX_LIST_NAME_LENGTH = 100;

/** Why a list name was refused, for pages that word it their own way. */
export type ListNameProblem = 'empty' | 'too-long' | 'control-characters' | 'taken';

export class ListNameError extends InvalidInputError {
  constructor(
    readonly problem: ListNameProblem,
    message: string,
  ) {
    super(message);
    this.name = 'ListNameError';
  }
}

/** The name as stored: trimmed, then checked. */
export function checkListName(text: string): string {
  const name = text.trim();
  if (name === '') throw new ListNameError('empty', 'a friend list needs a name');
  // Counted in characters as people see them, not UTF-16 units.
  const length = [...name].length;
  if (length > MAX_LIST_NAME_LENGTH) throw new ListNameError('too-long', `a friend list name has at most ${MAX_LIST_NAME_LENGTH} characters, not ${length}`);
  if (/\p{Cc}/u.test(name)) throw new ListNameError('control-characters', `a friend list name cannot contain control characters: ${JSON.stringify(name)}`);
  return name;
}

/** A list with its members' uids, ascending. */
export interface FriendListWithMembers extends FriendList {
  readonly members: readonly number[];
}

export class FriendListService {
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  /** The owner's lists in flid order (the order they were made). */
  listsOf(owner: number): Promise<FriendList[]> {
    return this.#store.friendLists.listsOwnedBy([owner]);
  }

  /** The owner's lists in flid order, each with its members. */
  async withMembers(owner: number): Promise<FriendListWithMembers[]> {
    const lists = await this.listsOf(owner);
    const members = await this.#store.friendLists.membersOf(lists.map((list) => list.flid));
    return lists.map((list) => ({ ...list, members: members.filter((member) => member.flid === list.flid).map((member) => member.uid) }));
  }

  /** Any person's list, for the operator (`hearth friendlist`); people see only their own. */
  async find(flid: number): Promise<FriendList | undefined> {
    return (await this.#store.friendLists.listsById([flid]))[0];
  }

  /** The members of the owner's list, ascending uids; `undefined` if the owner has no such list. */
  async membersOf(owner: number, flid: number): Promise<number[] | undefined> {
    const [list] = await this.#store.friendLists.listsById([flid]);
    if (!list || list.owner !== owner) return undefined;
    return (await this.#store.friendLists.membersOf([flid])).map((member) => member.uid);
  }

  /** Refuses an unknown owner and a name that is empty, too long, or one of the owner's lists has. */
  async create(owner: number, nameText: string, now = new Date()): Promise<FriendList> {
    const name = checkListName(nameText);
    if (!(await this.#store.people.findByUid(owner))) throw new InvalidInputError(`no person with uid ${owner}`);
    return this.#unique(name, () => this.#store.friendLists.create(owner, name, now));
  }

  /** `undefined` if the owner has no such list; refuses a name as `create` does. */
  async rename(owner: number, flid: number, nameText: string): Promise<FriendList | undefined> {
    const name = checkListName(nameText);
    return this.#unique(name, () => this.#store.friendLists.rename(owner, flid, name));
  }

  /** The members of those of `flids` that `owner` made, in two queries whatever the number of lists; others' lists give nothing. */
  async membersOfLists(owner: number, flids: readonly number[]): Promise<Array<{ flid: number; uid: number }>> {
    const own = (await this.#store.friendLists.listsById(flids)).filter((list) => list.owner === owner);
    return own.length === 0 ? [] : this.#store.friendLists.membersOf(own.map((list) => list.flid));
  }

  /** False if the owner has no such list. */
  delete(owner: number, flid: number): Promise<boolean> {
    return this.#store.friendLists.delete(owner, flid);
  }

  /** Nothing changes unless the answer is `added`. */
  addMember(owner: number, flid: number, uid: number): Promise<AddMemberOutcome> {
    return this.#store.friendLists.addMember(owner, flid, uid);
  }

  /** False if `uid` was not on the owner's list. */
  removeMember(owner: number, flid: number, uid: number): Promise<boolean> {
    return this.#store.friendLists.removeMember(owner, flid, uid);
  }

  async #unique<T>(name: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (error instanceof DuplicateError) throw new ListNameError('taken', `there is already a friend list named ${JSON.stringify(name)}`);
      throw error;
    }
  }
}

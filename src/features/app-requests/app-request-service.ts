/**
 * The rules of app requests, shared by the request form's confirmation page, reqs.php, the top
 * bar and housekeeping. A person sends a request only to their own friends (anyone else named is
 * left out without a word), and only as many a day through one app as its `requests_per_day`
 * allocation allows (apps/allocations.ts): the friends first named get it. A request waits for
 * its recipient's answer for 30 days.
 */
import { InvalidInputError } from '../../dispatch/invalid-input-error.js';
import { allocationOf, DAY_SECONDS } from '../apps/allocations.js';
import type { Services, Store } from '../feature.js';
import type { NewAppRequest, StoredAppRequest } from './records.js';

export type { StoredAppRequest } from './records.js';

/** How long a request waits for an answer. */
export const KEPT_SECONDS = 30 * DAY_SECONDS;
/** The most FBML one request may carry. */
export const MAX_CONTENT_LENGTH = 10_000;
/** The longest noun a request may have ("a … request"). */
export const MAX_TYPE_LENGTH = 100;
/** The most waiting requests reqs.php shows at once. */
export const MAX_SHOWN = 200;

/** A request as the sender's form describes it. */
export type RequestDraft = Omit<NewAppRequest, 'at'>;

/** What sending would do now. */
export interface SendPlan {
  /** The friends who would get it, in the order chosen. */
  readonly recipients: readonly number[];
  /** The app's daily allowance of requests per sender. */
  readonly allowance: number;
  /** Of the friends chosen, those the day's allowance leaves out. */
  readonly overAllowance: number;
}

const ago = (now: Date, seconds: number) => new Date(now.getTime() - seconds * 1000);

export class AppRequestService {
  readonly #store: Store;
  readonly #services: Services;

  constructor(store: Store, services: Services) {
    this.#store = store;
    this.#services = services;
  }

  /** Throws InvalidInputError when the draft cannot be sent as it is. */
  check(draft: RequestDraft): void {
    if (draft.type.length > MAX_TYPE_LENGTH) throw new InvalidInputError(`the request's type is longer than ${MAX_TYPE_LENGTH} characters`);
    if (draft.content.length > MAX_CONTENT_LENGTH) throw new InvalidInputError(`the request's content is longer than ${MAX_CONTENT_LENGTH} characters`);
  }

  /** Who would get the request if it were sent now, of the people chosen. */
  async plan(draft: RequestDraft, chosen: readonly number[], now = new Date()): Promise<SendPlan> {
    const friends = await this.#friendsInOrder(draft.sender, chosen);
    const allowance = allocationOf(draft.appId, 'requests_per_day');
    const left = Math.max(0, allowance - (await this.#store.appRequests.sentSince(draft.sender, draft.appId, ago(now, DAY_SECONDS))));
    return { recipients: friends.slice(0, left), allowance, overAllowance: Math.max(0, friends.length - left) };
  }

  /** Sends the request to the friends among `chosen` the allowance leaves room for; the uids it went to, in order. */
  async send(draft: RequestDraft, chosen: readonly number[], now = new Date()): Promise<number[]> {
    this.check(draft);
    const friends = await this.#friendsInOrder(draft.sender, chosen);
    return this.#store.appRequests.send({ ...draft, at: now }, friends, { limit: allocationOf(draft.appId, 'requests_per_day'), since: ago(now, DAY_SECONDS) });
  }

  /** The person's requests waiting for an answer, newest first. */
  waiting(uid: number, now = new Date()): Promise<StoredAppRequest[]> {
    return this.#store.appRequests.waiting(uid, ago(now, KEPT_SECONDS), MAX_SHOWN);
  }

  /** How many requests wait for the person (the top bar's count). */
  waitingCount(uid: number, now = new Date()): Promise<number> {
    return this.#store.appRequests.waitingCount(uid, ago(now, KEPT_SECONDS));
  }

  /** The person accepts or ignores a waiting request of theirs; the request, or undefined when there is none such. */
  answer(uid: number, requestId: number, now = new Date()): Promise<StoredAppRequest | undefined> {
    return this.#store.appRequests.answer(uid, requestId, now);
  }

  /** Removes requests older than 30 days; how many went. */
  purge(now: Date): Promise<number> {
    return this.#store.appRequests.deleteBefore(ago(now, KEPT_SECONDS));
  }

  /** The sender's friends among `chosen`, each once, in the order chosen. */
  async #friendsInOrder(sender: number, chosen: readonly number[]): Promise<number[]> {
    const named = [...new Set(chosen)].filter((uid) => uid !== sender);
    if (named.length === 0) return [];
    const friends = await this.#services.friends.friendsAmong(sender, named);
    return named.filter((uid) => friends.has(uid));
  }
}

/** App requests: what a person sent their friends through an app's fb:request-form. */
/** One request as the sender sends it, before it is copied to each recipient. */
export interface NewAppRequest {
  readonly appId: number;
  readonly sender: number;
  /** The noun of the request (`Quiz`): "a Quiz request". */
  readonly type: string;
  readonly invite: boolean;
  /** FBML, fb:req-choice buttons included. */
  readonly content: string;
  readonly at: Date;
}

/** One recipient's copy of a request. */
export interface StoredAppRequest extends NewAppRequest {
  readonly requestId: number;
  readonly recipient: number;
}

/** How many requests the sender may still send through the app: `limit` per window starting at `since`. */
export interface RequestAllowance {
  readonly limit: number;
  readonly since: Date;
}

export interface AppRequestRepository {
  /** How many requests the sender sent through the app since then (answered ones too). */
  sentSince(sender: number, appId: number, since: Date): Promise<number>;
  /**
   * Stores one copy per recipient, the first ones in order while the allowance has room (counted
   * in the same transaction, so that two sends at once cannot both use the last of it); the uids
   * it went to.
   */
  send(request: NewAppRequest, recipients: readonly number[], allowance: RequestAllowance): Promise<number[]>;
  /** The person's requests waiting for an answer, sent since then, newest first. */
  waiting(uid: number, since: Date, limit: number): Promise<StoredAppRequest[]>;
  waitingCount(uid: number, since: Date): Promise<number>;
  /**
   * The person answers a request of theirs that is still waiting: it is answered from now on.
   * Returns it as it was, or undefined when it is not theirs or not waiting (any more).
   */
  answer(uid: number, requestId: number, at: Date): Promise<StoredAppRequest | undefined>;
  /** Removes every request sent before then; how many went. */
  deleteBefore(before: Date): Promise<number>;
}

/**
 * What the account services share: the codes and their links, the limits, and mail sent in the
 * background — so that a page answers in the same time whether or not an address has an account,
 * and a relay that is slow or down never holds up a page (the outbox keeps what it could not send).
 */
import type { Services, Store } from '../feature.js';
import type { NotifierLog } from '../apps/app-notifier.js';
import type { AccountMail, AccountMailSender } from './account-mails.js';
import { AccountLimiter } from './account-limits.js';
import { CODE_LIFETIMES_MS, freshCode, type FreshCode } from './account-codes.js';
import type { CodeHolder, CodePurpose } from './records.js';

export class AccountKit {
  readonly store: Store;
  readonly services: Services;
  readonly limiter: AccountLimiter;
  readonly #mailer: AccountMailSender;
  readonly #log: NotifierLog | undefined;
  readonly #sending = new Set<Promise<unknown>>();

  constructor(store: Store, services: Services, mailer: AccountMailSender, log?: NotifierLog) {
    this.store = store;
    this.services = services;
    this.limiter = new AccountLimiter(store.accountRateCounts);
    this.#mailer = mailer;
    this.#log = log;
  }

  /** Stores a new code for `purpose`, replacing the holder's earlier one, and answers it with its expiry. */
  async issue(
    purpose: CodePurpose,
    fields: { email: string | null; uid: number | null; firstName?: string; lastName?: string; passwordHash?: string },
    holder: CodeHolder | undefined,
    now: Date,
  ): Promise<FreshCode & { readonly expiresAt: Date }> {
    const fresh = freshCode();
    const expiresAt = new Date(now.getTime() + CODE_LIFETIMES_MS[purpose]);
    await this.store.accountCodes.replace(
      {
        codeHash: fresh.hash,
        purpose,
        email: fields.email,
        uid: fields.uid,
        firstName: fields.firstName ?? null,
        lastName: fields.lastName ?? null,
        passwordHash: fields.passwordHash ?? null,
        expiresAt,
      },
      holder,
      now,
    );
    return { ...fresh, expiresAt };
  }

  /**
   * `https://host/path?c=CODE`: on the public URL when the operator gave one, else on the origin
   * the request came to (docs/accounts.md).
   */
  linkTo(requestOrigin: string, path: string, code: string): string {
    return `${this.#mailer.linkOrigin(requestOrigin)}${path}?c=${encodeURIComponent(code)}`;
  }

  /** Hands the mail to the mail feature without waiting; a failure is logged, the mail stays in the outbox. */
  mail(mail: AccountMail): void {
    const sending = Promise.resolve()
      .then(() => this.#mailer.send(mail))
      .catch((error: unknown) => this.#log?.warn({ err: error, kind: mail.kind }, 'an account mail could not be handed to the mail feature'))
      .finally(() => this.#sending.delete(sending));
    this.#sending.add(sending);
  }

  /** Resolves once every mail handed over so far has been written (and sent, with a relay). */
  async settled(): Promise<void> {
    while (this.#sending.size > 0) await Promise.all([...this.#sending]);
  }
}



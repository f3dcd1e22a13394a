/**
 * Every e-mail Hearth sends goes through here (docs/mail.md). A mail is first written to the
 * outbox; then, when a relay is configured, handed to it, and marked sent once the relay took it.
 * A relay that refuses, is down or hangs leaves the mail waiting with the reason, to be tried again
 * (`deliverPending`: at start, every ten minutes, or `hearth mail send-pending`): a mail is never
 * lost, and a failing relay never fails the sign-up or the API call that sent it.
 */
import type { Store } from '../feature.js';
import type { AppService } from '../apps/app-service.js';
import type { NotifierLog } from '../apps/app-notifier.js';
import { isMailAddress, oneLine } from './mail-address.js';
import { DEFAULT_RELAY_TIMEOUTS, defaultMailDomain, type MailSettings } from './mail-settings.js';
import type { Allowance, MailKind, NewOutboxMail, OutboxListing, OutboxMail } from './records.js';
import { RelayFailure, SmtpRelay, type MailRelay } from './smtp-relay.js';

/** A mail as other features send one. */
export interface OutgoingMail {
  /** The recipient's address. */
  readonly to: string;
  /** The person it is for, when it is for one. */
  readonly toUid?: number;
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
  /** The app it is sent for; required for `app` mail, whose sender is the app. */
  readonly appId?: number;
  readonly kind: MailKind;
}

/** A mail Hearth will not write: a bad address, or app mail without its app. */
export class MailRefused extends Error {}

export interface DeliveryRun {
  readonly sent: number;
  readonly failed: number;
  /** The relay could not be reached; the rest waits for the next run. */
  readonly stopped: boolean;
}

/** Tries after which only the operator (`hearth mail send-pending`) tries again. */
export const MAX_AUTOMATIC_ATTEMPTS = 10;
/** How long one instance keeps a mail it delivers from the others; longer than the timeouts together. */
const DELIVERY_LEASE_MS = 5 * 60_000;
const HEARTH_NAME = 'Hearth';
const SILENT: NotifierLog = { info() {}, warn() {} };

export class MailService {
  readonly #store: Store;
  readonly #apps: AppService;
  readonly #relay: MailRelay | undefined;
  readonly #log: NotifierLog;
  readonly #inFlight = new Set<Promise<unknown>>();
  readonly #publicUrl: string | undefined;
  /** The domain of the sender addresses: `apps@…` for app mail, `noreply@…` for Hearth's own. */
  readonly domain: string;

  constructor(store: Store, apps: AppService, settings: MailSettings = {}, log: NotifierLog = SILENT, relay?: MailRelay) {
    this.#store = store;
    this.#apps = apps;
    this.#log = log;
    this.domain = settings.domain ?? defaultMailDomain();
    this.#publicUrl = settings.publicUrl;
    this.#relay = relay ?? (settings.relay && new SmtpRelay(settings.relay, settings.timeouts ?? DEFAULT_RELAY_TIMEOUTS, this.domain));
  }

  /** The origin for links in mail: `--public-url` when given, else that of the request (`requestOrigin`). */
  linkOrigin(requestOrigin: string): string {
    return this.#publicUrl ?? requestOrigin;
  }

  /** `smtp://host:port` of the relay, or undefined when mail only waits in the outbox. */
  get relay(): string | undefined {
    return this.#relay?.description;
  }

  /**
   * Writes the mail to the outbox and, with a relay, delivers it before answering (bounded by the
   * relay timeouts). `delivered` is false when it waits in the outbox. Throws `MailRefused` for an
   * address that is not one, or app mail without a known app.
   */
  async send(mail: OutgoingMail, now = new Date()): Promise<{ id: number; delivered: boolean }> {
    const written = await this.#store.outbox.add(await this.#compose(mail, now, this.#relay ? new Date(now.getTime() + DELIVERY_LEASE_MS) : null));
    if (!this.#relay) return { id: written.id, delivered: false };
    return { id: written.id, delivered: (await this.#attempt(this.#relay, written)) === 'sent' };
  }

  /**
   * Writes the mails whose recipients are within the allowance (the others are left out), and
   * delivers them in the background, one after the other, so the caller does not wait on the relay.
   * Returns the mails written.
   */
  async sendWithinAllowance(mails: readonly OutgoingMail[], allowance: Allowance, now = new Date()): Promise<OutboxMail[]> {
    const lease = this.#relay ? new Date(now.getTime() + DELIVERY_LEASE_MS) : null;
    const composed: NewOutboxMail[] = [];
    for (const mail of mails) composed.push(await this.#compose(mail, now, lease));
    const written = await this.#store.outbox.addWithinAllowance(composed, allowance);
    if (this.#relay && written.length > 0) {
      this.#tracked(this.#deliverInOrder(this.#relay, written)).catch((error: unknown) => this.#log.warn({ error: String(error) }, 'mail delivery failed'));
    }
    return written;
  }

  /**
   * Delivers what waits, oldest first, stopping when the relay cannot be reached. `everything`
   * also retries mails tried MAX_AUTOMATIC_ATTEMPTS times already (the operator asked).
   */
  async deliverPending(options: { readonly limit?: number; readonly everything?: boolean } = {}, now = new Date()): Promise<DeliveryRun> {
    if (!this.#relay) return { sent: 0, failed: 0, stopped: false };
    return this.#tracked(this.#deliverWaiting(this.#relay, options, now));
  }

  async #deliverWaiting(relay: MailRelay, options: { readonly limit?: number; readonly everything?: boolean }, now: Date): Promise<DeliveryRun> {
    const waiting = await this.#store.outbox.pending(now, options.limit ?? 1000, options.everything ? Number.MAX_SAFE_INTEGER : MAX_AUTOMATIC_ATTEMPTS);
    const claimed: OutboxMail[] = [];
    for (const mail of waiting) if (await this.#store.outbox.claim(mail.id, now, new Date(now.getTime() + DELIVERY_LEASE_MS))) claimed.push(mail);
    return this.#deliverInOrder(relay, claimed);
  }

  list(listing: OutboxListing): Promise<OutboxMail[]> {
    return this.#store.outbox.list(listing);
  }

  find(id: number): Promise<OutboxMail | undefined> {
    return this.#store.outbox.find(id);
  }

  /** How many mails the app sent each of these people since `since`. */
  countsSince(appId: number, uids: readonly number[], since: Date): Promise<Map<number, number>> {
    return this.#store.outbox.countsSince(appId, uids, since);
  }

  /** Resolves when every background delivery started so far has finished (shutdown, tests). */
  async settled(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.all([...this.#inFlight]);
  }

  /** Waits for the deliveries under way, then lets go of the relay. */
  async close(): Promise<void> {
    await this.settled();
    this.#relay?.close();
  }

  async #compose(mail: OutgoingMail, now: Date, lockedUntil: Date | null): Promise<NewOutboxMail> {
    // Exactly an address: not even a line break around it.
    const to = mail.to;
    if (!isMailAddress(to)) throw new MailRefused(`${JSON.stringify(to)} is not an e-mail address`);
    const from = await this.#sender(mail);
    return {
      kind: mail.kind,
      appId: mail.appId ?? null,
      toUid: mail.toUid ?? null,
      toAddress: to,
      fromName: from.name,
      fromAddress: from.address,
      subject: oneLine(mail.subject),
      text: mail.text,
      html: mail.html ?? null,
      createdAt: now,
      lockedUntil,
    };
  }

  async #sender(mail: OutgoingMail): Promise<{ name: string; address: string }> {
    if (mail.kind !== 'app') return { name: HEARTH_NAME, address: `noreply@${this.domain}` };
    const [app] = mail.appId === undefined ? [] : await this.#apps.findMany([mail.appId]);
    if (app === undefined) throw new MailRefused(`app mail needs the app that sends it (app_id ${mail.appId ?? 'missing'})`);
    return { name: oneLine(app.name), address: `apps@${this.domain}` };
  }

  async #deliverInOrder(relay: MailRelay, mails: readonly OutboxMail[]): Promise<DeliveryRun> {
    let sent = 0;
    let failed = 0;
    for (const [index, mail] of mails.entries()) {
      const outcome = await this.#attempt(relay, mail);
      if (outcome === 'sent') sent++;
      else failed++;
      if (outcome === 'unreachable') {
        // The rest were claimed for this run: let them go, untried, for the next one.
        for (const left of mails.slice(index + 1)) await this.#store.outbox.release(left.id);
        return { sent, failed, stopped: true };
      }
    }
    return { sent, failed, stopped: false };
  }

  async #attempt(relay: MailRelay, mail: OutboxMail): Promise<'sent' | 'refused' | 'unreachable'> {
    try {
      await relay.deliver(mail, `<hearth.${mail.id}.${mail.createdAt.getTime()}@${mail.fromAddress.slice(mail.fromAddress.indexOf('@') + 1)}>`);
    } catch (error) {
      const failure = error instanceof RelayFailure ? error : new RelayFailure(String(error), true);
      await this.#store.outbox.markFailed(mail.id, failure.message);
      this.#log.warn({ mailId: mail.id, relay: relay.description, error: failure.message }, 'mail not delivered; it waits in the outbox');
      return failure.connection ? 'unreachable' : 'refused';
    }
    await this.#store.outbox.markSent(mail.id, new Date());
    return 'sent';
  }

  /** `work`, counted among the deliveries `settled` waits for. */
  #tracked<T>(work: Promise<T>): Promise<T> {
    const done: Promise<boolean> = work.then(
      () => this.#inFlight.delete(done),
      () => this.#inFlight.delete(done),
    );
    this.#inFlight.add(done);
    return work;
  }
}

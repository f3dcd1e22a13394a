/**
 * E-mail (docs/mail.md): the outbox every mail is written to, delivery over SMTP when a relay is
 * configured, and notifications.sendEmail, with which apps mail the people who let them.
 */
import { defineFeature } from '../feature.js';
import { MailService } from './mail-service.js';
import { notificationsSendEmail } from './methods/send-email.js';
import { mailOutboxMigration } from './migrations/027-mail-outbox.js';
import { StoredOutboxRepository } from './outbox-repository.js';
import type { OutboxRepository } from './records.js';
import './tables.js';

declare module '../feature.js' {
  interface Store {
    readonly outbox: OutboxRepository;
  }
  interface Services {
    readonly mail: MailService;
  }
}

/** Sent mail is kept this long: long enough for the daily allocation and for an operator to look back. */
export const SENT_MAIL_KEPT_DAYS = 30;

export const mailFeature = defineFeature({
  name: 'mail',
  migrations: [mailOutboxMigration],
  repositories: ({ db }) => ({ outbox: new StoredOutboxRepository(db) }),
  services: ({ store, services, options }) => ({ mail: new MailService(store, services.apps, options.mail, options.log) }),
  methods: [notificationsSendEmail],
  housekeeping: (store, now) => store.outbox.deleteSentBefore(new Date(now.getTime() - SENT_MAIL_KEPT_DAYS * 86_400_000)),
});

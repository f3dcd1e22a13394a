/**
 * The inbox: threads of messages between friends, each person's folders and unread state
 * (message.getThreadsInFolder; the FQL tables mailbox_folder, thread and message; /inbox).
 */
import { defineFeature } from '../feature.js';
import { mailboxFolderTable, messageTable, threadTable } from './fql-tables.js';
import { StoredMailboxRepository } from './mailbox-repository.js';
import { MailboxService } from './mailbox-service.js';
import { messageGetThreadsInFolder } from './methods/get-threads-in-folder.js';
import { mailboxMigration } from './migrations/030-mailbox.js';
import { inboxPages } from './pages/index.js';
import { INBOX_PATH } from './pages/inbox-page-parts.js';
import type { MailboxRepository } from './records.js';
import './tables.js';

declare module '../feature.js' {
  interface Store {
    readonly mailbox: MailboxRepository;
  }
  interface Services {
    readonly mailbox: MailboxService;
  }
}

export const mailboxFeature = defineFeature({
  name: 'mailbox',
  migrations: [mailboxMigration],
  repositories: ({ db }) => ({ mailbox: new StoredMailboxRepository(db) }),
  services: ({ store, services }) => ({ mailbox: new MailboxService(store, services) }),
  methods: [messageGetThreadsInFolder],
  fqlTables: [mailboxFolderTable, threadTable, messageTable],
  pages: inboxPages,
  topBarLink: async (services, uid) => ({ label: 'Inbox', href: INBOX_PATH, count: (await services.mailbox.unreadSummary(uid)).unread }),
});

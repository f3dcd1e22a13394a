/** The inbox's pages: the folders and Compose Message (/inbox/), and one thread (/inbox/readmessage.php). */
import { inboxPage, inboxWithoutSlash } from './inbox-page.js';
import { readMessagePage } from './read-message-page.js';

export const inboxPages = [inboxPage, inboxWithoutSlash, readMessagePage];

/** The events feature's pages: one event (event.php), a person's events (events.php), and making one (createevent.php). */
import { createEventPage } from './create-event-page.js';
import { eventPage } from './event-page.js';
import { eventsListPage } from './events-page.js';

export const eventPages = [eventPage, eventsListPage, createEventPage];

/** The events feature's pages: one event (event.php), a person's events (events.php), making one (createevent.php), and the pictures. */
import { createEventPage } from './create-event-page.js';
import { eventPage } from './event-page.js';
import { eventsListPage } from './events-page.js';
import { eventPictureRoutes } from './picture-route.js';

export const eventPages = [eventPage, eventsListPage, createEventPage, eventPictureRoutes];

/** The pages people use for the stream: the front page and news feed (`/`, `/home.php`), the stream's forms (`/stream.php`), and the demo app's callback (`/demo/callback`). The wall is on the profile page (people). */
import { defineFeature } from '../feature.js';
import { demoCallbackPage } from './demo-callback-page.js';
import { homePage, rootPage } from './home-page.js';
import { streamActionsPage } from './stream-actions-page.js';

export const homeFeature = defineFeature({
  name: 'home',
  pages: [rootPage, homePage, streamActionsPage, demoCallbackPage],
});

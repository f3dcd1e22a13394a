/** Feed stories: template bundles and feed.publishUserAction. */
import { defineFeature } from '../feature.js';

export const feedFeature = defineFeature({
  name: 'feed',
});

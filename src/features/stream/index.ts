/** The stream: posts on people's walls, their comments and likes (stream.*). */
import { defineFeature } from '../feature.js';

export const streamFeature = defineFeature({
  name: 'stream',
});

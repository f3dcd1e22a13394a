/** Finding the app a page names by its api_key. */
import type { Services } from '../feature.js';
import type { App } from './records.js';

/** Pages name apps by api_key only (an app_id in a link is not accepted). */
export function findAppByApiKey(services: Services, apiKey: string): Promise<App | undefined> {
  return services.apps.findByApiKey(apiKey);
}

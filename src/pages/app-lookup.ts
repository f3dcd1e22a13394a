/** Finding the app a page names by its api_key. */
import type { Services } from '../services/services.js';
import { InvalidInputError } from '../services/invalid-input-error.js';
import type { App } from '../store/store.js';

/**
 * The app with this api_key, or `undefined`. `apps.find` also accepts an app_id (it serves the
 * CLI); a page link names apps by key only, so an id that happens to match is not accepted.
 */
export async function findAppByApiKey(services: Services, apiKey: string): Promise<App | undefined> {
  try {
    const app = await services.apps.find(apiKey);
    return app.apiKey === apiKey.toLowerCase() ? app : undefined;
  } catch (error) {
    if (error instanceof InvalidInputError) return undefined;
    throw error;
  }
}

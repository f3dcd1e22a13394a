/** Where the developer's pages are. */

export const DEVELOPERS_PATH = '/developers/';
export const APP_SETTINGS_PATH = '/developers/apps.php';

/** `query` is more of the query string (`done=saved#canvas`), or only a fragment (`#keys`). */
export function appSettingsPath(appId: number, query = ''): string {
  return `${APP_SETTINGS_PATH}?app_id=${appId}${query === '' || query.startsWith('#') ? query : `&${query}`}`;
}

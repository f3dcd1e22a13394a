/** The developer's pages: their applications and "Create an application" (/developers/), and one app's settings (/developers/apps.php). */
import { appSettingsPage } from './app-settings-page.js';
import { developersPage, developersWithoutSlash } from './developers-page.js';

export const developerPages = [developersPage, developersWithoutSlash, appSettingsPage];

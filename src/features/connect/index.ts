/**
 * Facebook Connect for external sites (docs/connect.md): Hearth's Connect library
 * (FeatureLoader.js.php and the receiver's XdCommReceiver.js), and the status check
 * /extern/login_status.php. The login popup and logout are login.php's and logout.php's (sign-in
 * feature), which send sessions only to the app's Connect site (connect-site.ts).
 */
import { defineFeature } from '../feature.js';
import { connectLibraryRoutes } from './pages/library-routes.js';
import { loginStatusPage } from './pages/login-status-page.js';

export const connectFeature = defineFeature({
  name: 'connect',
  pages: [connectLibraryRoutes, loginStatusPage],
});

import { confirmEmailPage } from './confirm-email-page.js';
import { recoverPage } from './recover-page.js';
import { settingsPage } from './settings-page.js';
import { signupPage } from './signup-page.js';

export const accountPages = [signupPage, confirmEmailPage, recoverPage, settingsPage];

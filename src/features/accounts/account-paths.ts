/** Where the account pages are; the services put the confirmation and recovery paths in their links. */
export const SIGNUP_PATH = '/r.php';
export const CONFIRM_EMAIL_PATH = '/confirmemail.php';
export const RECOVER_PATH = '/recover.php';
export const SETTINGS_PATH = '/settings.php';
/** The front page signs people in (docs/pages.md, "/ and /home.php"). */
export const SIGN_IN_PATH = '/home.php';

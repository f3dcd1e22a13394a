/**
 * The settings a developer edits on /developers/apps.php (docs/developers.md), in the sections of
 * the page. Each field is named as admin.getAppProperties names it, so that the page, the admin API
 * and the CLI share one vocabulary; three fields are not properties an app may set through the API
 * and are written to the app itself: `canvas_name` (read-only there), `desktop` (read-only there:
 * the type decides how the app signs its calls) and `rate_limit` (the operator's setting, which
 * the app's own developers may change here).
 */

export type SectionId = 'basic' | 'canvas' | 'connect' | 'authentication' | 'profile' | 'advanced';

/**
 * `url`: an http(s) URL or nothing. `switch`: a check box, 0 or 1. `choice`: one of `choices`.
 * `domain`: a host name such as example.com. `text` and `textarea` are kept as typed (trimmed).
 */
export type FieldKind = 'text' | 'textarea' | 'url' | 'email' | 'domain' | 'switch' | 'choice';

export interface SettingField {
  readonly name: string;
  readonly label: string;
  readonly kind: FieldKind;
  readonly hint?: string;
  /** The platform's limit, in characters. */
  readonly maxLength?: number;
  readonly required?: boolean;
  /** Value and label of each option of a `choice`. */
  readonly choices?: ReadonlyArray<readonly [string, string]>;
}

export interface SettingSection {
  readonly id: SectionId;
  readonly title: string;
  readonly fields: readonly SettingField[];
}

/** The fields written to the app itself rather than through the property vocabulary. */
export const APP_FIELDS = new Set(['canvas_name', 'desktop', 'rate_limit']);

/** The platform's limit on the URLs it stored in a 100-character column. */
export const URL_LIMIT = 100;

export const SECTIONS: readonly SettingSection[] = [
  {
    id: 'basic',
    title: 'Basic',
    fields: [
      { name: 'application_name', label: 'Application name', kind: 'text', required: true, maxLength: 100, hint: 'Shown on the login, authorization and canvas pages.' },
      { name: 'description', label: 'Description', kind: 'textarea' },
      { name: 'email', label: 'Developer contact e-mail', kind: 'email', hint: 'Where the platform writes to you about this application.' },
      { name: 'contact_email', label: 'User support e-mail', kind: 'email', hint: 'Where people who use the application can write.' },
      { name: 'icon_url', label: 'Icon URL', kind: 'url', hint: 'A 16×16 picture.' },
      { name: 'logo_url', label: 'Logo URL', kind: 'url', hint: 'A 75×75 picture, shown on the authorization page.' },
      { name: 'about_url', label: 'About URL', kind: 'url' },
      { name: 'help_url', label: 'Help URL', kind: 'url' },
      { name: 'privacy_url', label: 'Privacy URL', kind: 'url' },
      { name: 'tos_url', label: 'Terms of Service URL', kind: 'url', hint: 'With one, the authorization page asks people to accept these terms.' },
    ],
  },
  {
    id: 'canvas',
    title: 'Canvas',
    fields: [
      { name: 'canvas_name', label: 'Canvas page name', kind: 'text', hint: 'Your canvas pages are /apps/NAME/: 3 to 32 of a-z, 0-9, _ and -. Empty: no canvas pages.' },
      { name: 'callback_url', label: 'Callback URL', kind: 'url', maxLength: URL_LIMIT, hint: 'Canvas pages are fetched from here; the rest of the canvas address is added to it as it is.' },
      { name: 'use_iframe', label: 'Render method', kind: 'choice', choices: [['0', 'FBML'], ['1', 'iframe']] },
      { name: 'dashboard_url', label: 'Bookmark URL', kind: 'url', hint: 'The link to the application in the applications menu.' },
      { name: 'edit_url', label: 'Edit URL', kind: 'url', hint: 'The “edit settings” link on the applications page.' },
      { name: 'see_all_url', label: 'See All URL', kind: 'url' },
    ],
  },
  {
    id: 'connect',
    title: 'Connect',
    fields: [
      { name: 'connect_url', label: 'Connect URL', kind: 'url', hint: 'Your site’s address: Connect logins return only to it (or to the base domain).' },
      { name: 'base_domain', label: 'Base domain', kind: 'domain', hint: 'e.g. example.com, so that www.example.com and m.example.com share one session.' },
      { name: 'connect_preview_template', label: 'Account Preview URL', kind: 'url', hint: 'May contain {account_id} and {email_hash}.' },
      { name: 'connect_reclaim_url', label: 'Account Reclamation URL', kind: 'url' },
    ],
  },
  {
    id: 'authentication',
    title: 'Authentication',
    fields: [
      { name: 'authorize_url', label: 'Post-Authorize Callback URL', kind: 'url', maxLength: URL_LIMIT, hint: 'Receives a signed POST when a person authorizes the application.' },
      { name: 'post_install_url', label: 'Post-Add URL', kind: 'url', maxLength: URL_LIMIT, hint: 'Where a person goes after adding or authorizing the application when no next is given.' },
      { name: 'uninstall_url', label: 'Post-Remove URL', kind: 'url', hint: 'Receives a signed POST when a person removes the application.' },
      { name: 'installable', label: 'People can add this application', kind: 'switch' },
      { name: 'private_install', label: 'Private installation (no story when someone adds it)', kind: 'switch' },
    ],
  },
  {
    id: 'profile',
    title: 'Profile',
    fields: [
      { name: 'default_fbml', label: 'Default profile box FBML', kind: 'textarea', hint: 'Shown in a profile box before the application sets one with profile.setFBML.' },
      { name: 'default_action_fbml', label: 'Default profile action FBML', kind: 'textarea' },
      { name: 'default_column', label: 'Default profile box column', kind: 'choice', choices: [['1', 'Wide'], ['0', 'Narrow']] },
      { name: 'profile_tab_url', label: 'Profile tab URL', kind: 'text', hint: 'Relative to your canvas pages.' },
      { name: 'tab_default_name', label: 'Profile tab name', kind: 'text', hint: 'About 15 characters are shown.' },
      { name: 'message_url', label: 'Attachment callback URL', kind: 'url' },
      { name: 'message_action', label: 'Attachment action', kind: 'text', maxLength: 20 },
    ],
  },
  {
    id: 'advanced',
    title: 'Advanced',
    fields: [
      { name: 'desktop', label: 'Application type', kind: 'choice', choices: [['0', 'Web'], ['1', 'Desktop']], hint: 'Desktop programs sign their calls with session secrets and have no canvas pages.' },
      { name: 'dev_mode', label: 'Sandbox mode: only the developers can use the application', kind: 'switch' },
      { name: 'ip_list', label: 'Server IP whitelist', kind: 'text', hint: 'Addresses or CIDR blocks, separated by commas; API calls from anywhere else are refused (error 5). Empty: any address.' },
      { name: 'rate_limit', label: 'Rate limit', kind: 'text', hint: 'REQUESTS/SECONDS, e.g. 1000/3600; calls beyond it get error 4. Empty: no limit.' },
      { name: 'is_mobile', label: 'Mobile integration', kind: 'switch' },
      { name: 'preload_fql', label: 'Preload FQL', kind: 'textarea', hint: 'A JSON object of named FQL queries.' },
    ],
  },
];

export function sectionById(id: string): SettingSection | undefined {
  return SECTIONS.find((section) => section.id === id);
}

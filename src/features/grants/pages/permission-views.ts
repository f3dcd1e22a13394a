/**
 * The pages that ask a person to let an app in: the authorization step (first use of an app,
 * docs/pages.md, "/login.php" step 3) and the extended-permission prompt ("/authorize.php"), shown
 * by login.php and authorize.php alike, plus the pages authorize.php ends on when there is nowhere
 * to send the person.
 */
import type { ExtendedPermission } from '../extended-permissions.js';
import type { App } from '../../apps/records.js';
import type { Person } from '../../people/records.js';
import { renderPage } from '../../../http/page-kit/layout.js';
import type { PageParams } from '../../../http/page-kit/page-params.js';
import { appBanner, decisionForm, whoIsSignedIn, type FlowForm } from '../../sign-in/pages/prompt-views.js';
import { html, type SafeHtml } from '../../../http/page-kit/templates.js';

/**
 * What each permission lets an app do, in plain words, as one sentence that completes
 * "APP will be able to:" (docs/pages.md, "/authorize.php" step 4).
 */
const PERMISSION_SENTENCES: Readonly<Record<ExtendedPermission, (app: string) => string>> = {
  email: () => 'Send you e-mail',
  read_stream: () => 'Read the posts in your stream, including what your friends share',
  publish_stream: () => 'Post to your stream and your friends’ streams: status updates, photos, videos, notes and links',
  offline_access: (app) => `Reach your information even when you are not using ${app}`,
  status_update: () => 'Update your status',
  photo_upload: () => 'Upload photos for you, without asking you to approve each one',
  create_event: () => 'Create and edit events for you',
  rsvp_event: () => 'Answer event invitations (RSVP) for you',
  sms: () => 'Send you text messages (SMS) on your mobile phone',
  video_upload: () => 'Upload videos for you',
  create_note: () => 'Write, edit and delete your notes',
  share_item: () => 'Share links for you',
  create_listing: () => 'Create listings in the marketplace for you',
  read_mailbox: () => 'Read the messages in your inbox',
};

export function permissionSentence(permission: ExtendedPermission, appName: string): string {
  return PERMISSION_SENTENCES[permission](appName);
}

function permissionList(app: App, permissions: readonly ExtendedPermission[]): SafeHtml {
  return html`<ul class="sees perms">
${permissions.map((permission) => html`<li data-permission="${permission}">${permissionSentence(permission, app.name)}</li>\n`)}</ul>`;
}

function count(n: number, one: string, many: string): string {
  return n === 1 ? `1 ${one}` : `${n} ${many}`;
}

export interface AuthorizeAppView {
  readonly app: App;
  readonly person: Person;
  readonly form: FlowForm;
  readonly csrfToken: string;
  /** How many extended permissions the app asks for on the next page, after this one. */
  readonly permissionsToFollow: number;
}

/** First use of an app (docs/pages.md, "/login.php" step 3): what it will see, Allow or Don't allow. */
export function authorizeAppPage(view: AuthorizeAppView): SafeHtml {
  const { app, person, form } = view;
  const body = html`${appBanner(app, html`<span class="app">${app.name}</span> would like to connect to your account`)}
${whoIsSignedIn(person, form.notYouHref)}
<p>If you allow it, <strong>${app.name}</strong> will see your basic information:</p>
<ul class="sees">
<li>Your name and profile picture</li>
<li>Your friends list</li>
<li>Other information you share with everyone</li>
</ul>
${view.permissionsToFollow > 0 && html`<p>Next, ${app.name} will ask for ${count(view.permissionsToFollow, 'more permission', 'more permissions')}.</p>`}
<p class="muted">${app.name} is not run by Hearth; its own terms apply. You can remove it at any time on <a href="/editapps.php">your applications</a> page.</p>
${decisionForm(form, view.csrfToken, { allow: 'Allow', cancel: "Don't allow" })}`;
  return renderPage({ title: `Allow ${app.name}?`, body, compact: form.compact });
}

/** The hidden input that tells a decision on the permission prompt from one on the authorization step. */
const PERMISSION_STEP = ['step', 'permissions'] as const;

/** Whether a POST is a decision on the permission prompt (rather than on the authorization step). */
export function onPermissionStep(params: PageParams): boolean {
  return params.get(PERMISSION_STEP[0]) === PERMISSION_STEP[1];
}

export interface PermissionPromptView {
  readonly app: App;
  readonly person: Person;
  /** Only those not granted yet. */
  readonly permissions: readonly ExtendedPermission[];
  readonly form: FlowForm;
  readonly csrfToken: string;
  /**
   * What Don't allow does: `leave` (authorize.php: back to the app, nothing changes) or
   * `continue` (login.php: on to the app, signed in, without these permissions).
   */
  readonly declining: 'leave' | 'continue';
}

/**
 * The extended-permission prompt (docs/pages.md, "/authorize.php"): the app, and in plain words
 * what it asks to do.
 */
export function permissionPromptPage(view: PermissionPromptView): SafeHtml {
  const { app, person, permissions, form } = view;
  const heading =
    permissions.length === 1
      ? html`<span class="app">${app.name}</span> is asking for a permission`
      : html`<span class="app">${app.name}</span> is asking for ${permissions.length} permissions`;
  const body = html`${appBanner(app, heading)}
${whoIsSignedIn(person, form.notYouHref)}
<p>If you allow it, <strong>${app.name}</strong> will be able to:</p>
${permissionList(app, permissions)}
<p class="muted">${
    view.declining === 'continue'
      ? html`If you don’t allow ${permissions.length === 1 ? 'it' : 'them'}, you still go on to ${app.name}, without ${permissions.length === 1 ? 'this permission' : 'these permissions'}. `
      : ''
  }You can take ${permissions.length === 1 ? 'it' : 'them'} back by removing ${app.name} on <a href="/editapps.php">your applications</a> page.</p>
${decisionForm(form, view.csrfToken, { allow: 'Allow', cancel: "Don't allow" }, [PERMISSION_STEP])}`;
  return renderPage({ title: `Allow ${app.name} more access?`, body, compact: form.compact });
}

/** authorize.php after Allow (or with nothing left to ask) when the app gave nowhere to go back to. */
export function permissionsGrantedPage(app: App, permissions: readonly ExtendedPermission[], compact: boolean): SafeHtml {
  const body = html`${appBanner(app, html`<span class="app">${app.name}</span> has your permission`)}
<p>${app.name} can now:</p>
${permissionList(app, permissions)}
<p class="muted">You may close this window and go back to ${app.name}.</p>`;
  return renderPage({ title: `${app.name} has your permission`, body, compact });
}

/** authorize.php after Don't allow when the app gave nowhere to go back to. */
export function permissionsDeclinedPage(app: App, compact: boolean): SafeHtml {
  const body = html`${appBanner(app, html`<span class="app">${app.name}</span> was not given permission`)}
<p>You did not give ${app.name} the permission it asked for. Nothing changed. You may close this window.</p>`;
  return renderPage({ title: `${app.name} was not given permission`, body, compact });
}

/** The error pages of login.php: each says what is wrong and who can fix it. */
import type { App } from '../../apps/records.js';
import type { Problem } from '../../../http/page-kit/page-replies.js';
import { html } from '../../../http/page-kit/templates.js';

export const missingApiKey: Problem = {
  status: 400,
  title: 'This sign-in link is incomplete',
  message: 'The link does not say which application you are signing in to (api_key is missing). Go back to the application and try again.',
};

export function unknownApiKey(apiKey: string): Problem {
  return {
    status: 404,
    title: 'Unknown application',
    message: html`No application is registered here with the api_key “${apiKey}”. Go back to the application and try again.`,
  };
}

export function noCallbackUrl(app: App): Problem {
  return {
    status: 400,
    title: `${app.name} cannot take sign-ins yet`,
    message: html`${app.name} has no callback URL, so there is nowhere to send you after you sign in. Its operator can set one with
<code>hearth app update ${app.appId} --callback-url URL</code>.`,
  };
}

export function desktopWithoutToken(app: App): Problem {
  return {
    status: 400,
    title: 'This sign-in link is incomplete',
    message: `${app.name} is a desktop application: it must start sign-in with a token from auth.createToken (auth_token is missing).`,
  };
}

export function connectWithoutNext(app: App): Problem {
  return {
    status: 400,
    title: 'This sign-in link is incomplete',
    message: `This sign-in for ${app.name} does not say where to return to (next is missing).`,
  };
}

export function connectNextOutside(app: App): Problem {
  return {
    status: 400,
    title: 'This sign-in link cannot be used',
    message: `It would send your session to an address outside ${app.name}: next must be on the app's callback URL, its Connect URL or its base domain, and so must cancel_url and channel_url.`,
  };
}

export function unusableToken(app: App): Problem {
  return {
    status: 400,
    title: 'This sign-in link has expired',
    message: `The link ${app.name} opened has expired, was already used, or belongs to another application. Start signing in again from ${app.name}.`,
  };
}

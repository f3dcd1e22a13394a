/**
 * `/add.php` and `/install.php` (docs/canvas.md, "Adding an app"): the PHP client's get_add_url()
 * and facebooker's and pyfacebook's install URLs. Since 2008 adding an app is authorizing it, so
 * both hand over to login.php with `canvas`: a person who has not allowed the app is asked, one
 * who has goes straight on, and both land on the canvas page `next` names — or, without `next`,
 * the app's post-add URL, else its canvas root.
 */
import type { FastifyReply } from 'fastify';
import { definePage, type PageContext } from '../../../http/page-kit/define-page.js';
import { redirectTo, sendProblem } from '../../../http/page-kit/page-replies.js';
import { findAppByApiKey } from '../../apps/app-lookup.js';
import { refusalFor } from '../../developers/pages/app-unavailable.js';
import { signedInPerson } from '../../sign-in/pages/browser-sign-in.js';

async function handOver({ request, reply, services, params }: PageContext): Promise<FastifyReply> {
  // Someone signed in whom the app's settings turn away (sandbox mode, who can add) learns it here;
  // a visitor signs in on login.php first, and an unknown api_key is told there.
  const apiKey = params.get('api_key');
  const app = apiKey === undefined ? undefined : await findAppByApiKey(services, apiKey);
  const person = app && (await signedInPerson(request, services));
  const refused = app && person && (await refusalFor(services, app, person.uid));
  if (refused) return sendProblem(reply, refused);
  const carried = (['api_key', 'v', 'next'] as const).flatMap((name) => {
    const value = params.get(name);
    return value === undefined ? [] : [[name, value] as [string, string]];
  });
  if (!carried.some(([name]) => name === 'v')) carried.push(['v', '1.0']);
  carried.push(['canvas', '1']);
  return redirectTo(reply, 302, `/login.php?${new URLSearchParams(carried).toString()}`);
}

export const addPage = definePage({ path: '/add.php', forms: 'none', handler: handOver });
export const installPage = definePage({ path: '/install.php', forms: 'none', handler: handOver });

/**
 * `/add.php` and `/install.php` (docs/canvas.md, "Adding an app"): the PHP client's get_add_url()
 * and facebooker's and pyfacebook's install URLs. Since 2008 adding an app is authorizing it, so
 * both hand over to login.php with `canvas`: a person who has not allowed the app is asked, one
 * who has goes straight on, and both land on the canvas page `next` names — or, without `next`,
 * the app's post-add URL, else its canvas root.
 */
import type { FastifyReply } from 'fastify';
import { definePage, type PageContext } from '../../../http/page-kit/define-page.js';
import { redirectTo } from '../../../http/page-kit/page-replies.js';

async function handOver({ reply, params }: PageContext): Promise<FastifyReply> {
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

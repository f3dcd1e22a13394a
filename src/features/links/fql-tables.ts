/**
 * The FQL `link` table: the links people shared, through any app (links.get answers only the
 * calling app's), read by the rule of links.get. `url` is always a string.
 */
import { column, defineFqlTable } from '../../fql/table.js';
import { array, int, string, time } from '../../fql/types.js';
import { MAX_LINKS_READ, type SharedLink } from './link-service.js';
import { seconds } from './methods/link-value.js';

export const linkTable = defineFqlTable<SharedLink, ReadonlySet<number>>({
  name: 'link',
  summary: 'Links people shared through apps: the URL, the owner’s comment, the page’s title, summary and images.',
  privacyDoc: `Those whose link post the viewer may see in the owner's stream (everyone, as the stream's default for a post on one's own wall); without a session, what everyone may see. Links shared through any app. By owner, the newest ${MAX_LINKS_READ} of each person.`,
  session: 'optional',
  key: ['link_id'],
  columns: {
    link_id: column(int, 'the id', (link) => link.linkId, { index: true }),
    owner: column(int, 'who shared it', (link) => link.owner, { index: true }),
    owner_comment: column(string, 'their comment; empty when none', (link) => link.comment),
    created_time: column(time, 'when it was shared', (link) => seconds(link.createdAt)),
    title: column(string, 'the page’s title; empty (Hearth does not fetch the page)', (link) => link.title),
    summary: column(string, 'the page’s description; empty (Hearth does not fetch the page)', (link) => link.summary),
    url: column(string, 'the URL shared', (link) => link.url),
    image_urls: column(array(string, 'image_urls_elt'), 'the thumbnail the app named, if any', (link) => [...link.imageUrls]),
  },
  fetch: (name, values, context) => (name === 'owner' ? context.services.links.ofOwners(values as number[]) : context.services.links.byIds(values as number[])),
  facts: async (links, context) => new Set((await context.services.links.readable(context.viewer, links)).map((link) => link.linkId)),
  visible: (link, readable) => readable.has(link.linkId),
});

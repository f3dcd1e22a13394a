/** The FQL `status` table: each person's status history, read by the rule of status.get. */
import { column, defineFqlTable } from '../../fql/table.js';
import { int, string, time } from '../../fql/types.js';
import { DEFAULT_STATUS_LIMIT } from './methods/get.js';
import { statusTime } from './methods/status-value.js';
import type { StatusEntry } from './records.js';
import { readableStatusOwners } from './status-visibility.js';

export const statusTable = defineFqlTable<StatusEntry, ReadonlySet<number>>({
  name: 'status',
  summary: 'Status messages: each person’s history, newest first.',
  privacyDoc: `In a session: the statuses of the viewer, their friends and the app's users (as users.getInfo shows \`status\`); without one, none. By uid, the newest ${DEFAULT_STATUS_LIMIT} of each person.`,
  session: 'optional',
  key: ['status_id'],
  columns: {
    uid: column(int, 'whose status', (entry) => entry.uid, { index: true }),
    status_id: column(int, 'the id; also the story id of the stream post it is', (entry) => entry.statusId, { index: true }),
    time: column(time, 'when it was set', (entry) => statusTime(entry)),
    source: column(int, 'the app that set it; 0 when set on Hearth', (entry) => entry.appId ?? 0),
    message: column(string, 'the text, as the app sent it', (entry) => entry.message),
  },
  fetch: (name, values, context) =>
    name === 'uid' ? context.services.status.historyOf(values as number[], DEFAULT_STATUS_LIMIT) : context.services.status.byIds(values as number[]),
  facts: (entries, context) =>
    context.viewer === undefined
      ? Promise.resolve(new Set<number>())
      : readableStatusOwners(context.services, { viewer: context.viewer, appId: context.app.appId }, entries.map((entry) => entry.uid)),
  visible: (entry, readable) => readable.has(entry.uid),
});

/** The FQL `application` table: public facts about apps. */
import { column, defineFqlTable } from '../../fql/table.js';
import { array, int, string, struct } from '../../fql/types.js';
import type { App } from './records.js';

export const applicationTable = defineFqlTable<App, undefined>({
  name: 'application',
  summary: 'Public facts about an app.',
  privacyDoc: 'Public: any app is a row, with or without a session. The secret is never a column.',
  session: 'optional',
  key: ['app_id'],
  columns: {
    app_id: column(int, 'the app id', (app) => app.appId, { index: true }),
    api_key: column(string, 'the api_key', (app) => app.apiKey, { index: true }),
    canvas_name: column(string, 'indexable; Hearth has no canvas pages yet, so nil and finds nothing', undefined, { index: true }),
    display_name: column(string, 'the app’s name', (app) => app.name),
    icon_url: column(string, 'not kept: nil'),
    logo_url: column(string, 'not kept: nil'),
    description: column(string, 'not kept: nil'),
    category: column(string, 'not kept: nil'),
    subcategory: column(string, 'not kept: nil'),
    company_name: column(string, 'not kept: nil'),
    developers: column(array(struct({ uid: int, name: string }), 'developer_info'), 'not kept: an empty list'),
    daily_active_users: column(int, 'not kept: nil'),
    weekly_active_users: column(int, 'not kept: nil'),
    monthly_active_users: column(int, 'not kept: nil'),
  },
  fetch: async (name, values, context) => {
    const { apps } = context.services;
    if (name === 'app_id') return apps.findMany(values as number[]);
    if (name === 'api_key') return (await Promise.all(values.map((key) => apps.findByApiKey(String(key))))).filter((app): app is App => app !== undefined);
    return [];
  },
  facts: async () => undefined,
});

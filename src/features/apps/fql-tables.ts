/** The FQL `application` table: public facts about apps. */
import { column, defineFqlTable } from '../../fql/table.js';
import { array, int, string, struct } from '../../fql/types.js';
import type { App } from './records.js';

/** The developers of each app read, by app_id; only gathered when a statement reads them. */
export interface ApplicationFacts {
  readonly developers: ReadonlyMap<number, ReadonlyArray<{ uid: number; name: string }>>;
}

export const applicationTable = defineFqlTable<App, ApplicationFacts>({
  name: 'application',
  summary: 'Public facts about an app.',
  privacyDoc: 'Public: any app is a row, with or without a session. The secret is never a column.',
  session: 'optional',
  key: ['app_id'],
  columns: {
    app_id: column(int, 'the app id', (app) => app.appId, { index: true }),
    api_key: column(string, 'the api_key', (app) => app.apiKey, { index: true }),
    canvas_name: column(string, 'its canvas pages’ name (/apps/NAME/), lower-case; nil for an app without canvas pages', (app) => app.canvasName, { index: true }),
    display_name: column(string, 'the app’s name', (app) => app.name),
    icon_url: column(string, 'not kept: nil'),
    logo_url: column(string, 'not kept: nil'),
    description: column(string, 'not kept: nil'),
    category: column(string, 'not kept: nil'),
    subcategory: column(string, 'not kept: nil'),
    company_name: column(string, 'not kept: nil'),
    developers: column(array(struct({ uid: int, name: string }), 'developer_info'), 'the people who develop it (docs/developers.md), each with uid and name', (app, facts) => [...(facts.developers.get(app.appId) ?? [])]),
    daily_active_users: column(int, 'not kept: nil'),
    weekly_active_users: column(int, 'not kept: nil'),
    monthly_active_users: column(int, 'not kept: nil'),
  },
  fetch: async (name, values, context) => {
    const { apps } = context.services;
    if (name === 'app_id') return apps.findMany(values as number[]);
    if (name === 'api_key') return (await Promise.all(values.map((key) => apps.findByApiKey(String(key))))).filter((app): app is App => app !== undefined);
    if (name === 'canvas_name') return (await Promise.all(values.map((canvasName) => apps.findByCanvasName(String(canvasName))))).filter((app): app is App => app !== undefined);
    return [];
  },
  // The developers feature is built after this one: its service is read when a query runs.
  facts: async (rows, context, columns) => {
    const developers = new Map<number, Array<{ uid: number; name: string }>>();
    if (!columns.has('developers')) return { developers };
    for (const app of rows) {
      const people = await context.services.developers.developers(app.appId);
      developers.set(app.appId, people.map((person) => ({ uid: person.uid, name: `${person.firstName} ${person.lastName}` })));
    }
    return { developers };
  },
});

/**
 * users.getStandardInfo: the few fields an app may keep about its users for its own analytics,
 * never to show to other people. Only people who authorized the app are answered; the others are
 * left out, as unknown uids are. No session is used: the PHP client sends its session key all the
 * same, so `session_key` is ignored rather than refused. Desktop apps and calls signed with a
 * session secret are refused (15): the data is for the app's servers.
 *
 * Items are `<standard_user_info>`, the FQL table's name, which live answers used (the published
 * schema's `user` was wrong; clients that were tested against the platform read this one). `uid`
 * first, then the fields in the order asked, as users.getInfo writes them. See
 * docs/protocol-choices.md, "Methods".
 */
import { ApiError } from '../../../wire/errors.js';
import { ApiList, type ApiValue } from '../../../wire/values.js';
import { defineMethod, nameList, required, uidList } from '../../../dispatch/method-kit.js';
import { fieldValue } from './user-fields.js';

/** The fields the platform allowed here; `email` only holds a value for people who granted it. */
const STANDARD_FIELDS = new Set([
  'uid', 'first_name', 'last_name', 'name', 'timezone', 'birthday', 'sex', 'affiliations', 'locale', 'profile_url', 'proxied_email', 'email',
]);

export const getStandardInfo = defineMethod({
  name: 'users.getStandardInfo',
  summary: 'Basic fields of people who authorized the app, for its own analytics; others are left out.',
  params: {
    uids: required(uidList(114), 'the people (JSON array or comma list)'),
    fields: required(nameList(), `the fields (JSON array or comma list): ${[...STANDARD_FIELDS].join(', ')}`),
  },
  answer: 'users',
  access: { session: 'none', sessionSecret: false, appTypes: ['web', 'desktop'] },
  handler: async ({ app, params, services, origin }) => {
    // 15 rather than the 100 other methods give an app type they are not open to: the platform
    // answered desktop apps as it answers session-secret calls, both being clients that must not hold this data.
    if (app.type === 'desktop') throw new ApiError(15);
    const refused = params.fields.find((field) => !STANDARD_FIELDS.has(field));
    if (refused !== undefined) throw new ApiError(111, `fields: ${JSON.stringify(refused)}`);
    const fields = [...new Set(params.fields)].filter((field) => field !== 'uid');
    const uids = [...new Set(params.uids)];
    // Three queries whatever the number of people: the people, who uses the app, who granted `email`.
    const [people, appUsers, emailGranted] = await Promise.all([
      services.people.findMany(uids),
      services.grants.appUsersAmong(app.appId, uids),
      fields.includes('email') ? services.grants.grantedAmong(app.appId, 'email', uids) : new Set<number>(),
    ]);
    const found = new Map(people.map((person) => [person.uid, person]));
    const context = { isAppUser: true, origin, now: new Date() };
    const items: Array<Record<string, ApiValue>> = [];
    for (const uid of uids) {
      const person = found.get(uid);
      if (!person || !appUsers.has(uid)) continue;
      const item: Record<string, ApiValue> = { uid };
      for (const field of fields) {
        if (field === 'email') item.email = emailGranted.has(uid) ? person.email : null;
        else item[field] = fieldValue(person, field, context) ?? null;
      }
      items.push(item);
    }
    return new ApiList('standard_user_info', items);
  },
});

/**
 * fql.multiquery: named statements in one call, where a later one may read an earlier one's rows as
 * `#name` (docs/fql.md). Results come back in the order the names were given.
 */
import { defineMethod, required, text } from '../../../dispatch/method-kit.js';
import { fqlContext } from '../fql-context.js';

export const fqlMultiquery = defineMethod({
  name: 'fql.multiquery',
  summary: 'Runs several named FQL statements; `#name` reads an earlier one’s rows.',
  params: {
    queries: required(text(), 'a JSON object mapping names to FQL statements'),
  },
  answer: 'fql_results',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'] },
  handler: ({ params, services, ...call }) => services.fql.multiquery(params.queries, fqlContext({ ...call, services })),
});

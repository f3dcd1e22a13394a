/**
 * fql.query: one statement (docs/fql.md). The 2007–08 wiki required a session; from 2009 it is
 * optional, and without one the tables answer what they answer to anyone.
 */
import { defineMethod, required, text } from '../../../dispatch/method-kit.js';
import { fqlContext } from '../fql-context.js';

export const fqlQuery = defineMethod({
  name: 'fql.query',
  summary: 'Runs one FQL statement; rows come back as elements named after the table.',
  params: {
    query: required(text(), 'the FQL statement; one trailing `;` is ignored'),
  },
  answer: 'fql_rows',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'] },
  handler: ({ params, services, ...call }) => services.fql.query(params.query, fqlContext({ ...call, services })),
});

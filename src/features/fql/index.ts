/** FQL: fql.query and fql.multiquery over the tables every feature declares (docs/FQL.md). */
import { FqlEngine } from '../../fql/engine.js';
import { defineFeature } from '../feature.js';
import { fqlMultiquery } from './methods/multiquery.js';
import { fqlQuery } from './methods/query.js';

declare module '../feature.js' {
  interface Services {
    readonly fql: FqlEngine;
  }
}

export const fqlFeature = defineFeature({
  name: 'fql',
  services: ({ fqlTables }) => ({ fql: new FqlEngine(fqlTables) }),
  methods: [fqlQuery, fqlMultiquery],
});

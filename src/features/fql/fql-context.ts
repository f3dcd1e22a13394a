/** The FQL context of one API call: who asks, through which app, with a memo shared by every table the call reads. */
import type { CallSession, MethodApp } from '../../dispatch/ports.js';
import type { FqlContext, FqlServices } from '../../fql/table.js';

export interface CallFacts {
  readonly app: MethodApp;
  readonly session: CallSession | undefined;
  readonly services: FqlServices;
  readonly origin: string;
  readonly signedWithSessionSecret: boolean;
}

export function fqlContext(call: CallFacts, now = new Date()): FqlContext {
  const memo = new Map<string, Promise<unknown>>();
  return {
    viewer: call.session?.uid,
    app: call.app,
    services: call.services,
    origin: call.origin,
    now,
    signedWithSessionSecret: call.signedWithSessionSecret,
    memo<T>(key: string, make: () => Promise<T>): Promise<T> {
      let value = memo.get(key);
      if (value === undefined) {
        value = make();
        memo.set(key, value);
      }
      return value as Promise<T>;
    },
    recall<T>(key: string): Promise<T> | undefined {
      return memo.get(key) as Promise<T> | undefined;
    },
  };
}

/** Turns the wire parameters into a method's typed arguments, per its declaration. */
import { invalidParameter } from '../wire/errors.js';
import type { RequestParams } from '../wire/request-params.js';
import type { AnyMethodDefinition } from './define-method.js';
import type { ParamSpec } from './params.js';

export function parseMethodParams(definition: AnyMethodDefinition, params: RequestParams): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(definition.params) as Array<[string, ParamSpec]>) {
    const raw = params.get(name);
    if (raw === undefined) {
      if (spec.required) throw invalidParameter(name, 'missing');
      values[name] = undefined;
    } else {
      values[name] = spec.type.parse(raw, name);
    }
  }
  return values;
}

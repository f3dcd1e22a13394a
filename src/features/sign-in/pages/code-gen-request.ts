/** The parameters of `/code_gen.php` (docs/code-gen.md), read once and carried through its forms. */
import type { PageParams } from '../../../http/page-kit/page-params.js';

export const CODE_GEN_PATH = '/code_gen.php';

/** Carried as received, in this order; anything else is accepted and dropped. */
const CARRIED = ['api_key', 'v', 'popup', 'display', 'skipcookie'] as const;

export interface CodeGenRequest {
  readonly apiKey: string | undefined;
  /** `popup`, or `display=popup`: the pop-up frame. */
  readonly compact: boolean;
  readonly skipCookie: boolean;
  readonly carried: ReadonlyArray<readonly [string, string]>;
}

export function parseCodeGenRequest(params: PageParams): CodeGenRequest {
  return {
    apiKey: params.get('api_key'),
    compact: params.flag('popup') || params.get('display') === 'popup',
    skipCookie: params.flag('skipcookie'),
    carried: CARRIED.flatMap((name) => {
      const value = params.raw(name);
      return value === undefined ? [] : [[name, value] as const];
    }),
  };
}

/** The page's own URL with the carried parameters, some changed: `undefined` drops one. */
export function codeGenUrl(request: CodeGenRequest, changes: Readonly<Record<string, string | undefined>> = {}): string {
  const query = new URLSearchParams(request.carried.filter(([name]) => !(name in changes)).map(([name, value]) => [name, value]));
  for (const [name, value] of Object.entries(changes)) if (value !== undefined) query.append(name, value);
  return query.size === 0 ? CODE_GEN_PATH : `${CODE_GEN_PATH}?${query.toString()}`;
}

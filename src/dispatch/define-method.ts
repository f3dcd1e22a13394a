/**
 * The shape of one API method: everything the pipeline needs to accept or refuse a call before the
 * handler runs, declared next to the handler so each method reads like its row in docs/METHODS.md.
 */
import type { ApiValue } from '../wire/values.js';
import type { Upload } from '../wire/upload.js';
import type { AppType, CallSession, MethodApp } from './ports.js';
import type { ParamSpec, ParamValues } from './params.js';

/**
 * Who the call acts on when it takes `uid` or a session (docs/protocol-choices.md, "Who a call acts
 * on").
 */
export interface TargetRule {
  /** `anyone`: any person may be named; `app-user`: only people who authorized the app (else 200). */
  readonly who: 'anyone' | 'app-user';
  /** Code for a desktop app naming someone other than its session user: 240 for FBML, 200 elsewhere. */
  readonly otherUserError: 200 | 240;
  /**
   * `uid` may also name a place the session's person speaks for (a fan page they administer): the
   * call then acts as that place (docs/protocol-choices.md, "Who a call acts on").
   */
  readonly placesSpokenFor?: boolean;
}

export interface AccessRules {
  /**
   * `required`: a valid session_key must be sent; `optional`: one may be sent (then it is checked
   * and its call_id advanced); `none`: the method works without sessions and ignores session_key.
   */
  readonly session: 'required' | 'optional' | 'none';
  /** Whether a session secret may sign the call; if not, such a call gets error 15. */
  readonly sessionSecret: boolean;
  /** App types allowed to call; another gets error 100 naming `api_key` ("… is not available to desktop applications"). */
  readonly appTypes: readonly AppType[];
  /** Present on methods that act on a person named by `uid` or by the session. */
  readonly target?: TargetRule;
  /**
   * Desktop apps must call it over https when the deployment serves TLS: the platform documented
   * auth.getSession as https-only for them (docs/protocol-choices.md, "Sessions").
   */
  readonly desktopHttps?: boolean;
}

/**
 * The services handlers are given. Dispatch knows none of them: the features add theirs to this
 * interface (features/feature.ts), and the server assembly passes them in.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface MethodServices {}

export interface MethodContext<P extends Record<string, ParamSpec>, A extends AccessRules = AccessRules> {
  readonly params: ParamValues<P>;
  readonly app: MethodApp;
  /** The session the call was made in; always present for methods that require one. */
  readonly session: A extends { readonly session: 'required' } ? CallSession : CallSession | undefined;
  /** The person the call acts on; present exactly when the method declares a target rule. */
  readonly targetUid: A extends { readonly target: TargetRule } ? number : A extends { readonly target?: undefined } ? undefined : number | undefined;
  readonly services: MethodServices;
  /** This server as the caller reached it (`http://host:port`), for URLs in answers. */
  readonly origin: string;
  /** The call was signed with the session's own secret rather than the app's. */
  readonly signedWithSessionSecret: boolean;
  /** The file part of a multipart call (photos.upload's image); undefined when none was sent. */
  readonly upload: Upload | undefined;
}

/**
 * How the typed client decodes the method's answer (sdk/response-parsing.ts): a scalar, or one of
 * the documented structures.
 */
export type AnswerKind = 'boolean' | 'string' | 'number' | 'session' | 'users' | 'uids' | 'friend_info' | 'friend_lists' | 'template_bundle' | 'template_bundles' | 'stream' | 'record' | 'fql_rows' | 'fql_results';

export interface MethodDefinition<P extends Record<string, ParamSpec> = Record<string, ParamSpec>, A extends AccessRules = AccessRules> {
  /** Canonical wire name without the `facebook.` prefix, e.g. `users.isAppUser`. */
  readonly name: string;
  readonly summary: string;
  readonly params: P;
  readonly access: A;
  /** What the answer is, for the typed client. */
  readonly answer: AnswerKind;
  /** XML quirks of the documented response, e.g. `list="true"` on a scalar root. */
  readonly xml?: { readonly rootList?: boolean; readonly scalarAsList?: boolean; readonly emptyRoot?: boolean };
  readonly handler: (context: MethodContext<P, A>) => Promise<ApiValue>;
}

/** Identity function that lets TypeScript infer handler argument types from `params` and `access`. */
export function defineMethod<P extends Record<string, ParamSpec>, const A extends AccessRules>(
  definition: MethodDefinition<P, A>,
): MethodDefinition<P, A> {
  return definition;
}

/** A definition with its parameter types erased, as the registry holds it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyMethodDefinition = MethodDefinition<any, AccessRules>;

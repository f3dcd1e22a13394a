/**
 * The numbered error catalogue of the REST API (docs/protocol-choices.md, "Errors") and the one
 * error type that carries a code to the client. Everything a method or the pipeline rejects becomes
 * an `ApiError`; the serialisers turn it into an `error_response` envelope.
 */

/** Short `error_msg` texts, exactly as the PHP client's constants and the 2007–09 captures show. */
export const ERROR_MESSAGES = {
  1: 'An unknown error occurred',
  2: 'Service temporarily unavailable',
  3: 'Unknown method',
  4: 'Application request limit reached',
  5: 'Unauthorized source IP address',
  15: 'This method call must be signed with the application secret (You are probably calling a secure method using a session secret)',
  100: 'Invalid parameter',
  101: 'Invalid API key',
  102: 'Session key invalid or no longer valid',
  103: 'Call_id must be greater than previous',
  104: 'Incorrect signature',
  110: 'Invalid user id',
  111: 'Invalid user info field',
  114: 'Invalid user id list',
  120: 'Invalid album id',
  121: 'Invalid photo id',
  140: 'Invalid category',
  141: 'Invalid subcategory',
  144: 'Malformed JSON string',
  150: 'Invalid eid',
  152: 'Invalid page type',
  200: 'Permissions error',
  210: 'User not visible',
  240: 'Desktop applications cannot set FBML for other users',
  250: 'Updating status requires the extended permission status_update.',
  281: 'Managing notes requires the extended permission create_note.',
  282: 'Managing shared items requires the extended permission share_item.',
  290: 'Creating and modifying events required the extended permission create_event',
  298: 'Reading mailbox messages requires the extended permission read_mailbox',
  299: 'RSVPing to events required the extended permission rsvp_event',
  321: 'Album is full',
  322: 'Invalid photo tag subject',
  323: 'Cannot tag photo already visible on Facebook',
  324: 'Missing or invalid image file',
  325: 'Too many unapproved photos pending',
  326: 'Too many photo tags pending',
  329: "Template data must be a JSON-encoded dictionary, of the form {'key-1': 'value-1', 'key-2': 'value-2', ...}",
  330: 'Failed to set markup',
  340: 'Feed publication request limit reached',
  341: 'Feed action request limit reached',
  366: 'One or more of the target ids for this story are invalid. They must all be ids of friends of the acting user',
  367: "The template data provided doesn't cover the entire token set needed to publish the story",
  453: 'A session key is required for calling this method',
  454: 'A session key must be specified when request is signed with a session secret',
  455: 'A session secret is not permitted to be used with this type of session key',
  600: 'An unknown error occurred in FQL',
  601: 'Error while parsing FQL statement',
  602: 'The field you requested does not exist',
  603: 'The table you requested does not exist',
  604: 'Your statement is not indexable',
  605: 'The function you called does not exist',
  606: 'Wrong number of arguments passed into the function',
  611: 'FQL field specified is invalid in this context.',
  612: 'The stream requires an extended permission',
  614: 'Unresolved dependency in multiquery',
  807: 'No active template bundle with that ID or handle exists.',
  810: 'Application has too many active template bundles, and some must be deactivated before new ones can be registered.',
  811: 'One of more of the supplied action links was improperly formatted.',
  812: 'One or more of your templates is using a token reserved by Facebook, such as {*mp3*} or {*video*}.',
  1000: 'Invalid time for an event.',
  1001: 'You are no longer able to change the name of this event.',
  1050: 'No information has been set for this user',
  1051: 'Setting info failed. Check the formatting of your info fields.',
  1500: 'The url you supplied is invalid',
  1600: 'The user does not have permission to modify this note.',
  1701: 'The specified post was too long.',
  1703: 'The specified xid is not valid. xids can only contain letters, numbers, and underscores',
  1704: 'The specified user is not a user of this application',
  1705: 'There was an error during posting.',
  1706: 'While attempting to remove the post',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export class ApiError extends Error {
  readonly code: ErrorCode;
  /** Text appended in parentheses to the short message, e.g. `ext_perm: unknown permission`. */
  readonly detail: string | undefined;

  constructor(code: ErrorCode, detail?: string) {
    super(detail === undefined ? ERROR_MESSAGES[code] : `${ERROR_MESSAGES[code]} (${detail})`);
    this.name = 'ApiError';
    this.code = code;
    this.detail = detail;
  }
}

/** Error 100 naming the parameter, the form every client sees for a bad argument. */
export function invalidParameter(name: string, reason: string): ApiError {
  return new ApiError(100, `${name}: ${reason}`);
}

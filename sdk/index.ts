/** `hearth/client`: a typed client for the REST API, signing and sending calls as the PHP client does. */
export { RestClient, type ArgumentValue, type RawAnswer, type RawCallOptions, type RestClientOptions } from './rest-client.js';
export { RestClientError, parseAnswer, parseXmlDocument, type RequestArg, type XmlNode } from './response-parsing.js';
export { RESULT_KINDS, type ApiMethodName, type ApiMethods, type SessionInfo, type UserInfo, type FriendInfo } from './api-methods.js';
export { computeSignature, signatureBaseString } from '../src/wire/signature.js';

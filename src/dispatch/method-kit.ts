/** Everything a method definition file imports, in one place. */
export { defineMethod, type MethodDefinition } from './define-method.js';
export { bool, nameList, oneOf, optional, positiveId, required, text, uid, uidList } from './params.js';

/** The `emptyRoot` option of the XML serialiser: the void and empty answers of the data store's preference methods. */
import { describe, expect, it } from 'vitest';
import { serializeXml } from '../../src/wire/serialize/xml-serializer.js';

const DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS =
  'xmlns="http://api.facebook.com/1.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://api.facebook.com/1.0/ http://api.facebook.com/1.0/facebook.xsd"';

describe('xml-serializer: emptyRoot', () => {
  it('writes a void result and an empty text as the self-closing root, with no xsi:nil', () => {
    expect(serializeXml('data_setUserPreference_response', null, { emptyRoot: true })).toBe(`${DECL}<data_setUserPreference_response ${NS}/>\n`);
    expect(serializeXml('data_getUserPreference_response', '', { emptyRoot: true })).toBe(`${DECL}<data_getUserPreference_response ${NS}/>\n`);
  });

  it('leaves every other value as it is', () => {
    expect(serializeXml('data_getUserPreference_response', 'hello', { emptyRoot: true })).toBe(`${DECL}<data_getUserPreference_response ${NS}>hello</data_getUserPreference_response>\n`);
    expect(serializeXml('r', '0', { emptyRoot: true })).toBe(`${DECL}<r ${NS}>0</r>\n`);
    expect(serializeXml('r', null)).toBe(`${DECL}<r ${NS} xsi:nil="true"/>\n`);
  });
});

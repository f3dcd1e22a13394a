import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { escapeXmlText, serializeXml, XML_DECLARATION } from '../../src/wire/serialize/xml-serializer.js';
import { ApiList } from '../../src/wire/values.js';

const DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS =
  'xmlns="http://api.facebook.com/1.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://api.facebook.com/1.0/ http://api.facebook.com/1.0/facebook.xsd"';

/** A parser that keeps text as text (no number conversion) and decodes entities. */
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, trimValues: false });

describe('xml-serializer: envelope (protocol.md §8.2)', () => {
  it('exports the declaration followed by exactly one newline', () => {
    expect(XML_DECLARATION).toBe(DECL);
  });

  it('writes the users.isAppUser golden sample of §8.7 byte for byte', () => {
    expect(serializeXml('users_isAppUser_response', true)).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<users_isAppUser_response xmlns="http://api.facebook.com/1.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://api.facebook.com/1.0/ http://api.facebook.com/1.0/facebook.xsd">1</users_isAppUser_response>\n',
    );
  });

  it('writes the auth.getSession full example of §8.2 byte for byte', () => {
    const xml = serializeXml('auth_getSession_response', {
      session_key: '3.AbCdEfGhIjKlMnOp__.86400.1262390400-500000001',
      uid: 500000001,
      expires: 1262390400,
      secret: '3e4a22bb2f5ed75114b0fc9995ea85f1',
    });
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<auth_getSession_response xmlns="http://api.facebook.com/1.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://api.facebook.com/1.0/ http://api.facebook.com/1.0/facebook.xsd">\n' +
        '  <session_key>3.AbCdEfGhIjKlMnOp__.86400.1262390400-500000001</session_key>\n' +
        '  <uid>500000001</uid>\n' +
        '  <expires>1262390400</expires>\n' +
        '  <secret>3e4a22bb2f5ed75114b0fc9995ea85f1</secret>\n' +
        '</auth_getSession_response>\n',
    );
  });

  it('puts the root element on the second line (the Firefox toolbar cuts at the first newline)', () => {
    const xml = serializeXml('r', { a: 1 });
    const firstNewline = xml.indexOf('\n');
    expect(xml.slice(0, firstNewline + 1)).toBe(DECL);
    expect(xml.slice(firstNewline + 1).startsWith(`<r ${NS}>`)).toBe(true);
  });
});

describe('xml-serializer: scalars', () => {
  it('writes booleans as 1 and 0, never true/false', () => {
    expect(serializeXml('r', true)).toBe(`${DECL}<r ${NS}>1</r>\n`);
    expect(serializeXml('r', false)).toBe(`${DECL}<r ${NS}>0</r>\n`);
    expect(serializeXml('r', { a: true, b: false })).toBe(`${DECL}<r ${NS}>\n  <a>1</a>\n  <b>0</b>\n</r>\n`);
  });

  it('writes numbers as their decimal text', () => {
    expect(serializeXml('r', 500000001)).toBe(`${DECL}<r ${NS}>500000001</r>\n`);
    expect(serializeXml('r', 0)).toBe(`${DECL}<r ${NS}>0</r>\n`);
    expect(serializeXml('r', -5)).toBe(`${DECL}<r ${NS}>-5</r>\n`);
    expect(serializeXml('r', 1262304000.1234)).toBe(`${DECL}<r ${NS}>1262304000.1234</r>\n`);
  });

  it('writes a root string inline with no whitespace', () => {
    expect(serializeXml('auth_createToken_response', '3e4a22bb2f5ed75114b0fc9995ea85f1')).toBe(
      `${DECL}<auth_createToken_response ${NS}>3e4a22bb2f5ed75114b0fc9995ea85f1</auth_createToken_response>\n`,
    );
  });

  it('keeps whitespace inside a string exactly', () => {
    expect(serializeXml('r', '  a\n b  ')).toBe(`${DECL}<r ${NS}>  a\n b  </r>\n`);
  });

  it('adds list="true" to a scalar root only when rootList is set (users.getLoggedInUser)', () => {
    expect(serializeXml('users_getLoggedInUser_response', 500000001, { rootList: true })).toBe(
      `${DECL}<users_getLoggedInUser_response ${NS} list="true">500000001</users_getLoggedInUser_response>\n`,
    );
    expect(serializeXml('users_getLoggedInUser_response', 500000001, { rootList: false })).toBe(
      `${DECL}<users_getLoggedInUser_response ${NS}>500000001</users_getLoggedInUser_response>\n`,
    );
  });

  it('writes an empty string root as an empty element with a closing tag', () => {
    expect(serializeXml('r', '')).toBe(`${DECL}<r ${NS}></r>\n`);
  });

  it('writes a nested empty string as a self-closing element', () => {
    expect(serializeXml('r', { status: '', n: 'x' })).toBe(`${DECL}<r ${NS}>\n  <status/>\n  <n>x</n>\n</r>\n`);
  });

  it('writes null as xsi:nil, at the root and nested', () => {
    expect(serializeXml('r', null)).toBe(`${DECL}<r ${NS} xsi:nil="true"/>\n`);
    expect(serializeXml('r', { name: null })).toBe(`${DECL}<r ${NS}>\n  <name xsi:nil="true"/>\n</r>\n`);
  });
});

describe('xml-serializer: objects and lists', () => {
  it('pretty-prints nested objects with two spaces per level, keys in insertion order', () => {
    expect(serializeXml('r', { z: 1, a: { b: { c: 'deep' }, d: 2 } })).toBe(
      `${DECL}<r ${NS}>\n` +
        '  <z>1</z>\n' +
        '  <a>\n' +
        '    <b>\n' +
        '      <c>deep</c>\n' +
        '    </b>\n' +
        '    <d>2</d>\n' +
        '  </a>\n' +
        '</r>\n',
    );
  });

  it('writes a list of objects with list="true" and the item name', () => {
    const users = new ApiList('user', [
      { uid: 500000001, name: 'Ann' },
      { uid: 500000002, name: 'Bob' },
    ]);
    expect(serializeXml('users_getInfo_response', users)).toBe(
      `${DECL}<users_getInfo_response ${NS} list="true">\n` +
        '  <user>\n' +
        '    <uid>500000001</uid>\n' +
        '    <name>Ann</name>\n' +
        '  </user>\n' +
        '  <user>\n' +
        '    <uid>500000002</uid>\n' +
        '    <name>Bob</name>\n' +
        '  </user>\n' +
        '</users_getInfo_response>\n',
    );
  });

  it('writes a list of named scalars with the item name', () => {
    expect(serializeXml('friends_getAppUsers_response', new ApiList('uid', [500000001, 500000002]))).toBe(
      `${DECL}<friends_getAppUsers_response ${NS} list="true">\n` +
        '  <uid>500000001</uid>\n' +
        '  <uid>500000002</uid>\n' +
        '</friends_getAppUsers_response>\n',
    );
  });

  it('names anonymous scalar items <root>_elt at the root', () => {
    expect(serializeXml('auth_getSignedPublicSessionData_response', new ApiList(undefined, ['a', 'b']))).toBe(
      `${DECL}<auth_getSignedPublicSessionData_response ${NS} list="true">\n` +
        '  <auth_getSignedPublicSessionData_response_elt>a</auth_getSignedPublicSessionData_response_elt>\n' +
        '  <auth_getSignedPublicSessionData_response_elt>b</auth_getSignedPublicSessionData_response_elt>\n' +
        '</auth_getSignedPublicSessionData_response>\n',
    );
  });

  it('names anonymous scalar items <parent>_elt inside an object', () => {
    const user = { uid: 1, email_hashes: new ApiList(undefined, ['h1', 'h2']), flags: new ApiList(undefined, [true, false]) };
    expect(serializeXml('r', new ApiList('user', [user]))).toBe(
      `${DECL}<r ${NS} list="true">\n` +
        '  <user>\n' +
        '    <uid>1</uid>\n' +
        '    <email_hashes list="true">\n' +
        '      <email_hashes_elt>h1</email_hashes_elt>\n' +
        '      <email_hashes_elt>h2</email_hashes_elt>\n' +
        '    </email_hashes>\n' +
        '    <flags list="true">\n' +
        '      <flags_elt>1</flags_elt>\n' +
        '      <flags_elt>0</flags_elt>\n' +
        '    </flags>\n' +
        '  </user>\n' +
        '</r>\n',
    );
  });

  it('writes an empty list as the element with list="true" and no children, at the root and nested', () => {
    expect(serializeXml('friends_getAppUsers_response', new ApiList('uid', []))).toBe(
      `${DECL}<friends_getAppUsers_response ${NS} list="true"></friends_getAppUsers_response>\n`,
    );
    expect(serializeXml('r', { friends: new ApiList('uid', []), n: 1 })).toBe(
      `${DECL}<r ${NS}>\n  <friends list="true"></friends>\n  <n>1</n>\n</r>\n`,
    );
  });

  it('writes null, empty strings and nested lists as list items', () => {
    expect(serializeXml('r', new ApiList('v', [null, '', new ApiList(undefined, [1])]))).toBe(
      `${DECL}<r ${NS} list="true">\n` +
        '  <v xsi:nil="true"/>\n' +
        '  <v/>\n' +
        '  <v list="true">\n' +
        '    <v_elt>1</v_elt>\n' +
        '  </v>\n' +
        '</r>\n',
    );
  });

  // protocol.md §8.2, value table: "Empty string / empty object | empty element, written
  // self-closing in examples: `<status/>`, `<quotes/>`". The serializer writes "<quotes>\n  </quotes>".
  it('writes a nested empty object self-closing, as <quotes/>, and an empty root object as an empty root', () => {
    expect(serializeXml('r', { quotes: {} })).toBe(`${DECL}<r ${NS}>\n  <quotes/>\n</r>\n`);
    expect(serializeXml('r', {})).toBe(`${DECL}<r ${NS}></r>\n`);
  });
});

describe('xml-serializer: escaping', () => {
  it('writes a carriage return as &#13; so a parser gives back CR LF, not LF', async () => {
    const body = serializeXml('r', 'a\r\nb');
    expect(body).toBe(`${DECL}<r ${NS}>a&#13;\nb</r>\n`);
    const { XMLParser } = await import('fast-xml-parser');
    expect(new XMLParser({ trimValues: false, htmlEntities: true }).parse(body).r).toBe('a\r\nb');
  });

  it('escapes &, <, > and double quotes in text and keeps apostrophes as they are', () => {
    expect(serializeXml('r', `a<b>&"c'`)).toBe(`${DECL}<r ${NS}>a&lt;b&gt;&amp;&quot;c'</r>\n`);
  });

  it('returns FBML entity-escaped', () => {
    expect(serializeXml('r', { fbml: '<fb:if-is-own-profile>Hi &amp; bye</fb:if-is-own-profile>' })).toBe(
      `${DECL}<r ${NS}>\n  <fbml>&lt;fb:if-is-own-profile&gt;Hi &amp;amp; bye&lt;/fb:if-is-own-profile&gt;</fbml>\n</r>\n`,
    );
  });

  it('writes non-ASCII characters as themselves', () => {
    expect(serializeXml('r', 'Café – 日本 😀')).toBe(`${DECL}<r ${NS}>Café – 日本 😀</r>\n`);
  });

  it('produces XML that parses back to the original text', () => {
    const nasty = `<script>alert("x") && 'y'</script> ]]> Café 😀 &amp;`;
    const xml = serializeXml('r', { text: nasty, list: new ApiList('item', [nasty, 'plain']) });
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = parser.parse(xml) as { r: { text: string; list: { item: string[]; '@list': string } } };
    expect(parsed.r.text).toBe(nasty);
    expect(parsed.r.list.item).toEqual([nasty, 'plain']);
    expect(parsed.r.list['@list']).toBe('true');
  });

  it('produces parseable XML for a root scalar with markup', () => {
    const xml = serializeXml('r', '<a href="x">&</a>');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect((parser.parse(xml) as { r: { '#text': string } }).r['#text']).toBe('<a href="x">&</a>');
  });
});

describe('xml-serializer: escapeXmlText', () => {
  it('escapes the three markup characters, ampersand first', () => {
    expect(escapeXmlText('&lt; < > &')).toBe('&amp;lt; &lt; &gt; &amp;');
  });

  it('replaces characters XML 1.0 cannot carry with U+FFFD', () => {
    expect(escapeXmlText('a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf\uFFFF')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFD');
  });

  it('replaces lone surrogates but keeps a valid surrogate pair', () => {
    expect(escapeXmlText('x\uD800y\uDC00z')).toBe('x\uFFFDy\uFFFDz');
    expect(escapeXmlText('\uD83D\uDE00')).toBe('😀');
    expect(escapeXmlText('\uDE00\uD83D')).toBe('\uFFFD\uFFFD');
  });

  it('keeps tab and line feed, and writes carriage return as a character reference', () => {
    expect(escapeXmlText('\t\n\r')).toBe('\t\n&#13;');
  });

  it('keeps the serialized document well-formed whatever the text', () => {
    const xml = serializeXml('r', 'a\u0001b\uD800');
    expect(xml).toBe(`${DECL}<r ${NS}>a\uFFFDb\uFFFD</r>\n`);
    expect(XMLValidator.validate(xml)).toBe(true);
  });
});

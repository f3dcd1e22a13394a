import { describe, expect, it } from 'vitest';
import { isAddressAllowed, parseCidr, parseCidrList } from '../../src/dispatch/address-allow-list.js';
import { InvalidInputError } from '../../src/dispatch/invalid-input-error.js';
import { catchError } from './support/catch-error.js';

describe('address-allow-list: parseCidr', () => {
  it('keeps an IPv4 block', () => {
    expect(parseCidr('10.0.0.0/8')).toBe('10.0.0.0/8');
    expect(parseCidr('192.168.1.0/24')).toBe('192.168.1.0/24');
    expect(parseCidr('0.0.0.0/0')).toBe('0.0.0.0/0');
  });

  it('turns a single address into a /32 or /128 block', () => {
    expect(parseCidr('127.0.0.1')).toBe('127.0.0.1/32');
    expect(parseCidr('::1')).toBe('::1/128');
  });

  it('normalises IPv6 text', () => {
    expect(parseCidr('2001:DB8:0:0::/32')).toBe('2001:db8::/32');
    expect(parseCidr('2001:0db8:0000:0000:0000:0000:0000:0001')).toBe('2001:db8::1/128');
  });

  it('refuses IPv4 spellings other than four decimal parts, which an operator never means', () => {
    for (const input of ['10', '010.0.0.1', '0x7f.1', '127.1']) catchError(InvalidInputError, () => parseCidr(input));
  });

  it('turns IPv4-mapped IPv6 entries into IPv4 blocks that match IPv4 clients', () => {
    expect(parseCidr('::ffff:127.0.0.1')).toBe('127.0.0.1/32');
    expect(parseCidr('::ffff:10.0.0.0/104')).toBe('10.0.0.0/8');
    expect(isAddressAllowed([parseCidr('::ffff:127.0.0.1')], '127.0.0.1')).toBe(true);
    expect(isAddressAllowed([parseCidr('::ffff:127.0.0.1')], '::ffff:127.0.0.1')).toBe(true);
  });

  it('shows a block by its network address', () => {
    expect(parseCidr('10.1.2.3/8')).toBe('10.0.0.0/8');
    expect(parseCidr('2001:db8::1/32')).toBe('2001:db8::/32');
  });

  it('trims surrounding whitespace', () => {
    expect(parseCidr('  10.1.2.3 ')).toBe('10.1.2.3/32');
    expect(parseCidr('\t10.0.0.0/8\n')).toBe('10.0.0.0/8');
  });

  it.each(['', ' ', 'localhost', 'abc', '10.0.0.0/33', '2001:db8::/129', '300.1.1.1', '10.0.0.0/', '/8', '10.0.0.0/8/8', '1.2.3.4.5', '10.0.0.0/-1', 'fe80::1::2'])(
    'refuses %j with InvalidInputError',
    (input) => {
      const error = catchError(InvalidInputError, () => parseCidr(input));
      expect(error.message).toBe(`not an IP address or CIDR block: ${JSON.stringify(input.trim())}`);
    },
  );
});

describe('address-allow-list: parseCidrList', () => {
  it('splits a comma-separated list, trimming each entry', () => {
    expect(parseCidrList('10.0.0.0/8, 127.0.0.1 ,2001:db8::/32')).toEqual(['10.0.0.0/8', '127.0.0.1/32', '2001:db8::/32']);
  });

  it('reads a single entry', () => {
    expect(parseCidrList('192.168.0.0/16')).toEqual(['192.168.0.0/16']);
  });

  it('clears the list for empty text or none (any case)', () => {
    expect(parseCidrList('')).toEqual([]);
    expect(parseCidrList('   ')).toEqual([]);
    expect(parseCidrList('none')).toEqual([]);
    expect(parseCidrList(' NONE ')).toEqual([]);
  });

  it('refuses the whole list when one entry is bad', () => {
    const error = catchError(InvalidInputError, () => parseCidrList('10.0.0.0/8,bogus'));
    expect(error.message).toBe('not an IP address or CIDR block: "bogus"');
  });

  it('refuses an empty entry (trailing comma)', () => {
    expect(catchError(InvalidInputError, () => parseCidrList('10.0.0.0/8,')).message).toBe('not an IP address or CIDR block: ""');
  });
});

describe('address-allow-list: isAddressAllowed', () => {
  it('allows every address when the list is empty', () => {
    expect(isAddressAllowed([], '203.0.113.9')).toBe(true);
    expect(isAddressAllowed([], '2001:db8::1')).toBe(true);
    expect(isAddressAllowed([], 'not an address')).toBe(true);
  });

  it('matches IPv4 addresses inside and outside a block', () => {
    const allowed = ['10.0.0.0/8'];
    expect(isAddressAllowed(allowed, '10.0.0.0')).toBe(true);
    expect(isAddressAllowed(allowed, '10.255.255.255')).toBe(true);
    expect(isAddressAllowed(allowed, '11.0.0.0')).toBe(false);
    expect(isAddressAllowed(allowed, '9.255.255.255')).toBe(false);
  });

  it('matches a single address exactly', () => {
    const allowed = [parseCidr('127.0.0.1')];
    expect(isAddressAllowed(allowed, '127.0.0.1')).toBe(true);
    expect(isAddressAllowed(allowed, '127.0.0.2')).toBe(false);
  });

  it('treats an IPv4-mapped IPv6 client (dual-stack socket) as its IPv4 address', () => {
    expect(isAddressAllowed(['127.0.0.1/32'], '::ffff:127.0.0.1')).toBe(true);
    expect(isAddressAllowed(['10.0.0.0/8'], '::ffff:10.20.30.40')).toBe(true);
    expect(isAddressAllowed(['10.0.0.0/8'], '::ffff:192.168.0.1')).toBe(false);
  });

  it('matches IPv6 blocks', () => {
    const allowed = ['2001:db8::/32'];
    expect(isAddressAllowed(allowed, '2001:db8::1')).toBe(true);
    expect(isAddressAllowed(allowed, '2001:db8:ffff:ffff::5')).toBe(true);
    expect(isAddressAllowed(allowed, '2001:db9::1')).toBe(false);
    expect(isAddressAllowed(['::1/128'], '::1')).toBe(true);
    expect(isAddressAllowed(['::1/128'], '::2')).toBe(false);
  });

  it('never matches across address families', () => {
    expect(isAddressAllowed(['::/0'], '127.0.0.1')).toBe(false);
    expect(isAddressAllowed(['0.0.0.0/0'], '::1')).toBe(false);
    expect(isAddressAllowed(['0.0.0.0/0'], '203.0.113.9')).toBe(true);
  });

  it('allows an address matching any entry of the list', () => {
    const allowed = parseCidrList('192.168.0.0/16,10.1.2.3,2001:db8::/32');
    expect(isAddressAllowed(allowed, '10.1.2.3')).toBe(true);
    expect(isAddressAllowed(allowed, '192.168.44.1')).toBe(true);
    expect(isAddressAllowed(allowed, '2001:db8::abcd')).toBe(true);
    expect(isAddressAllowed(allowed, '10.1.2.4')).toBe(false);
  });

  it('refuses a client address that is not an IP address when the list is not empty', () => {
    expect(isAddressAllowed(['0.0.0.0/0'], 'not an address')).toBe(false);
    expect(isAddressAllowed(['0.0.0.0/0'], '')).toBe(false);
  });
});

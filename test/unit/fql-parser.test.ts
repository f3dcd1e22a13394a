/** The FQL grammar: every production, the quoting and case rules, precedence, and where a statement that does not parse fails. */
import { describe, expect, it } from 'vitest';
import type { Expr } from '../../src/fql/ast.js';
import { parseStatement, referencedResults } from '../../src/fql/parser.js';

/** The WHERE of `SELECT a FROM t WHERE …` as a compact string: operators in prefix form. */
function where(condition: string): string {
  const show = (expr: Expr): string => {
    switch (expr.kind) {
      case 'number':
        return String(expr.value);
      case 'string':
        return JSON.stringify(expr.value);
      case 'path':
        return expr.names.join('.');
      case 'call':
        return `${expr.name}(${expr.args.map(show).join(',')})`;
      case 'negate':
        return `(neg ${show(expr.operand)})`;
      case 'not':
        return `(not ${show(expr.operand)})`;
      case 'binary':
        return `(${expr.op} ${show(expr.left)} ${show(expr.right)})`;
      case 'in-list':
        return `(in ${show(expr.needle)} [${expr.items.map(show).join(',')}])`;
      case 'in-query':
        return `(in ${show(expr.needle)} <${expr.query.from.name}>)`;
      case 'in-array':
        return `(in ${show(expr.needle)} ${show(expr.array)})`;
    }
  };
  return show(parseStatement(`SELECT a FROM t WHERE ${condition}`).where!);
}

describe('FQL grammar', () => {
  it('binds OR loosest, then AND, NOT, comparisons, + -, * /, unary minus', () => {
    expect(where('a = 1 OR b = 2 AND NOT c = 3')).toBe('(or (= a 1) (and (= b 2) (not (= c 3))))');
    expect(where('1 + 2 * 3 / 4 - -x >= 2')).toBe('(>= (- (+ 1 (/ (* 2 3) 4)) (neg x)) 2)');
    expect(where('(a = 1 OR b = 2) AND c')).toBe('(and (or (= a 1) (= b 2)) c)');
  });

  it('knows every comparison, == and <> included', () => {
    expect(where('a == 1 AND b != 2 AND c <> 3 AND d < 4 AND e > 5 AND f <= 6 AND g >= 7')).toBe(
      '(and (and (and (and (and (and (= a 1) (!= b 2)) (!= c 3)) (< d 4)) (> e 5)) (<= f 6)) (>= g 7))',
    );
  });

  it('parses IN lists, subqueries, array membership and their negations', () => {
    expect(where('uid IN (1, 2, 3)')).toBe('(in uid [1,2,3])');
    expect(where('uid NOT IN (1)')).toBe('(not (in uid [1]))');
    expect(where('uid IN (SELECT uid2 FROM friend WHERE uid1 = me())')).toBe('(in uid <friend>)');
    expect(where('"Facebook" IN affiliations.name')).toBe('(in "Facebook" affiliations.name)');
    expect(where('NOT (uid IN (SELECT uid1 FROM friend WHERE uid2 = me()))')).toBe('(not (in uid <friend>))');
  });

  it('reads keywords, names and functions in any case, names echoed in lower case, strings kept as written', () => {
    const statement = parseStatement('select Name, UPPER(First_Name) from USER where UID = "Ada" order by NAME desc limit 3 offset 2');
    expect(statement.items.map((item) => (item.kind === 'path' ? item.names.join('.') : item.kind === 'call' ? item.name : ''))).toEqual(['name', 'upper']);
    expect(statement.from).toMatchObject({ kind: 'table', name: 'user' });
    expect(statement.orderBy).toMatchObject([{ descending: true }]);
    expect([statement.limit, statement.offset]).toEqual([3, 2]);
    expect(where("x = 'Ada'")).toBe('(= x "Ada")');
  });

  it('takes both LIMIT forms, one trailing semicolon, a back-quoted table and #name sources', () => {
    expect(parseStatement('SELECT a FROM t WHERE b = 1 LIMIT 5, 10;')).toMatchObject({ limit: 10, offset: 5 });
    expect(parseStatement('SELECT a FROM `status` WHERE uid = 1').from).toMatchObject({ kind: 'table', name: 'status' });
    expect(parseStatement('SELECT a FROM #friends').from).toMatchObject({ kind: 'result', name: 'friends' });
    expect(referencedResults('SELECT a FROM #x WHERE b IN (SELECT c FROM #y_2)')).toEqual(['x', 'y_2']);
  });

  it('reads both quotes with JSON escapes and doubled quotes', () => {
    expect(where(String.raw`x = "a\"b\n\u00e9\\"`)).toBe(`(= x ${JSON.stringify('a"b\né\\')})`);
    expect(where("x = 'it''s'")).toBe('(= x "it\'s")');
    expect(where('x = 1.5 AND y = 007')).toBe('(and (= x 1.5) (= y 7))');
  });

  it.each([
    ['SELECT a FROM t WHERE', 'unexpected end of query'],
    ['SELECT a, FROM t WHERE b = 1', 'unexpected "FROM" at position 10'],
    ['SELECT a FROM t WHERE b = 1 GROUP BY a', 'unexpected "GROUP" at position 28'],
    ['SELECT a AS b FROM t WHERE c = 1', 'unexpected "AS" at position 9'],
    ['SELECT a FROM t WHERE b = 1 LIMIT 1.5', 'LIMIT and OFFSET take whole numbers, not 1.5 at position 34'],
    ['SELECT a FROM t WHERE b LIKE "x%"', 'unexpected "LIKE" at position 24'],
    ['SELECT a FROM t, u WHERE b = 1', 'unexpected "," at position 15'],
    ['SELECT a FROM t WHERE b = @x', 'unexpected "@" at position 26'],
    ['SELECT a FROM t WHERE b = "open', 'unexpected "\\"" at position 26'],
    ['SELECT a FROM t WHERE b = 1;;', 'unexpected ";" at position 28'],
    ['INSERT INTO t VALUES (1)', 'unexpected "INSERT" at position 0'],
  ])('refuses %s with 601 saying where', (query, detail) => {
    expect(() => parseStatement(query)).toThrow(`Error while parsing FQL statement (${detail})`);
  });
});

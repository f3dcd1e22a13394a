/**
 * The FQL grammar (docs/fql.md, "The language"), written with chevrotain: tokens, then one rule per
 * production, building the tree of ast.ts. Keywords and names are case-insensitive; strings keep
 * their case. Anything the grammar does not describe — `SELECT *`, comments, `AS`, `COUNT()`,
 * joins — is error 601 with the position of the first token that does not fit.
 */
import type { IToken, TokenType } from 'chevrotain';
import { createToken, EmbeddedActionsParser, EOF, Lexer } from './chevrotain.js';
import type { BinaryOperator, Expr, OrderKey, PathExpr, Select, Source } from './ast.js';
import { parseError } from './errors.js';

const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z_][A-Za-z0-9_]*/ });
const QuotedIdentifier = createToken({ name: 'QuotedIdentifier', pattern: /`[A-Za-z_][A-Za-z0-9_]*`/ });

function keyword(word: string): TokenType {
  return createToken({ name: word, pattern: new RegExp(word, 'i'), longer_alt: Identifier });
}

const Select_ = keyword('SELECT');
const From = keyword('FROM');
const Where = keyword('WHERE');
const And = keyword('AND');
const Or = keyword('OR');
const Not = keyword('NOT');
const In = keyword('IN');
const Order = keyword('ORDER');
const By = keyword('BY');
const Asc = keyword('ASC');
const Desc = keyword('DESC');
const Limit = keyword('LIMIT');
const Offset = keyword('OFFSET');

const ResultName = createToken({ name: 'ResultName', pattern: /#[A-Za-z0-9_]+/ });
const NumberLiteral = createToken({ name: 'NumberLiteral', pattern: /\d+(?:\.\d+)?/ });
const SingleQuoted = createToken({ name: 'SingleQuoted', pattern: /'(?:[^'\\]|\\[\s\S]|'')*'/ });
const DoubleQuoted = createToken({ name: 'DoubleQuoted', pattern: /"(?:[^"\\]|\\[\s\S]|"")*"/ });
const Equal = createToken({ name: 'Equal', pattern: /==|=/ });
const NotEqual = createToken({ name: 'NotEqual', pattern: /!=|<>/ });
const LessEqual = createToken({ name: 'LessEqual', pattern: /<=/ });
const GreaterEqual = createToken({ name: 'GreaterEqual', pattern: />=/ });
const Less = createToken({ name: 'Less', pattern: /</ });
const Greater = createToken({ name: 'Greater', pattern: />/ });
const Plus = createToken({ name: 'Plus', pattern: /\+/ });
const Minus = createToken({ name: 'Minus', pattern: /-/ });
const Star = createToken({ name: 'Star', pattern: /\*/ });
const Slash = createToken({ name: 'Slash', pattern: /\// });
const LParen = createToken({ name: 'LParen', pattern: /\(/ });
const RParen = createToken({ name: 'RParen', pattern: /\)/ });
const Comma = createToken({ name: 'Comma', pattern: /,/ });
const Dot = createToken({ name: 'Dot', pattern: /\./ });
const Semicolon = createToken({ name: 'Semicolon', pattern: /;/ });
const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n]+/, group: Lexer.SKIPPED });

// Longer words first: ORDER must be tried before OR.
const KEYWORDS = [Select_, Offset, Order, Where, Limit, From, Desc, And, Not, Asc, Or, In, By];
const TOKENS = [
  WhiteSpace, ...KEYWORDS, Identifier, QuotedIdentifier, ResultName, NumberLiteral, SingleQuoted, DoubleQuoted,
  LessEqual, GreaterEqual, NotEqual, Equal, Less, Greater, Plus, Minus, Star, Slash, LParen, RParen, Comma, Dot, Semicolon,
];

const lexer = new Lexer(TOKENS, { positionTracking: 'onlyOffset', ensureOptimizations: false });

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' };

/** The text of a quoted string: backslash escapes with their JSON meaning, and a doubled quote for one. */
function unquote(image: string): string {
  const quote = image[0]!;
  const body = image.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch === '\\') {
      const next = body[++i]!;
      if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(body.slice(i + 1, i + 5))) {
        out += String.fromCharCode(parseInt(body.slice(i + 1, i + 5), 16));
        i += 4;
      } else {
        out += ESCAPES[next] ?? next;
      }
    } else if (ch === quote && body[i + 1] === quote) {
      out += quote;
      i++;
    } else {
      out += ch;
    }
  }
  return out;
}

function nameOf(token: IToken): string {
  // During chevrotain's grammar recording the tokens are placeholders without text.
  const image = token.image ?? '';
  return (token.tokenType === QuotedIdentifier ? image.slice(1, -1) : image).toLowerCase();
}

const COMPARISONS = new Map<TokenType, BinaryOperator>([
  [Equal, '='], [NotEqual, '!='], [Less, '<'], [Greater, '>'], [LessEqual, '<='], [GreaterEqual, '>='],
]);

class FqlParser extends EmbeddedActionsParser {
  constructor() {
    super(TOKENS, { maxLookahead: 3 });
    this.performSelfAnalysis();
  }

  readonly statement = this.RULE('statement', (): Select => {
    const select = this.SUBRULE(this.select);
    this.OPTION(() => this.CONSUME(Semicolon));
    return select;
  });

  readonly select = this.RULE('select', (): Select => {
    const start = this.CONSUME(Select_);
    const items: Expr[] = [this.SUBRULE(this.expr)];
    this.MANY(() => {
      this.CONSUME(Comma);
      items.push(this.SUBRULE2(this.expr));
    });
    this.CONSUME(From);
    const from = this.SUBRULE(this.source);
    let where: Expr | undefined;
    this.OPTION(() => {
      this.CONSUME(Where);
      where = this.SUBRULE3(this.expr);
    });
    const orderBy: OrderKey[] = [];
    this.OPTION2(() => {
      this.CONSUME(Order);
      this.CONSUME(By);
      orderBy.push(this.SUBRULE(this.orderKey));
      this.MANY2(() => {
        this.CONSUME2(Comma);
        orderBy.push(this.SUBRULE2(this.orderKey));
      });
    });
    let limit: number | undefined;
    let offset = 0;
    this.OPTION3(() => {
      this.CONSUME(Limit);
      const first = this.SUBRULE(this.count);
      limit = first;
      this.OPTION4(() => {
        this.OR([
          {
            ALT: () => {
              this.CONSUME(Offset);
              offset = this.SUBRULE2(this.count);
            },
          },
          {
            // LIMIT skip, count (the 2008 form)
            ALT: () => {
              this.CONSUME3(Comma);
              offset = first;
              limit = this.SUBRULE3(this.count);
            },
          },
        ]);
      });
    });
    return { items, from, where, orderBy, limit, offset, at: start.startOffset };
  });

  readonly count = this.RULE('count', (): number => {
    const token = this.CONSUME(NumberLiteral);
    return this.ACTION(() => {
      if (!/^\d+$/.test(token.image) || !Number.isSafeInteger(Number(token.image))) {
        throw parseError(`LIMIT and OFFSET take whole numbers, not ${token.image} at position ${token.startOffset}`);
      }
      return Number(token.image);
    });
  });

  readonly source = this.RULE('source', (): Source => {
    return this.OR([
      { ALT: () => { const t = this.CONSUME(Identifier); return { kind: 'table', name: nameOf(t), at: t.startOffset } as Source; } },
      { ALT: () => { const t = this.CONSUME(QuotedIdentifier); return { kind: 'table', name: nameOf(t), at: t.startOffset } as Source; } },
      { ALT: () => { const t = this.CONSUME(ResultName); return { kind: 'result', name: t.image.slice(1), at: t.startOffset } as Source; } },
    ]);
  });

  readonly orderKey = this.RULE('orderKey', (): OrderKey => {
    const expr = this.SUBRULE(this.expr);
    let descending = false;
    this.OPTION(() => {
      this.OR([
        { ALT: () => { this.CONSUME(Asc); } },
        { ALT: () => { this.CONSUME(Desc); descending = true; } },
      ]);
    });
    return { expr, descending };
  });

  readonly expr = this.RULE('expr', (): Expr => {
    let left = this.SUBRULE(this.andExpr);
    this.MANY(() => {
      const op = this.CONSUME(Or);
      const right = this.SUBRULE2(this.andExpr);
      left = { kind: 'binary', op: 'or', left, right, at: op.startOffset };
    });
    return left;
  });

  readonly andExpr = this.RULE('andExpr', (): Expr => {
    let left = this.SUBRULE(this.notExpr);
    this.MANY(() => {
      const op = this.CONSUME(And);
      const right = this.SUBRULE2(this.notExpr);
      left = { kind: 'binary', op: 'and', left, right, at: op.startOffset };
    });
    return left;
  });

  readonly notExpr = this.RULE('notExpr', (): Expr => {
    return this.OR([
      {
        ALT: () => {
          const op = this.CONSUME(Not);
          return { kind: 'not', operand: this.SUBRULE(this.notExpr), at: op.startOffset } as Expr;
        },
      },
      { ALT: () => this.SUBRULE(this.comparison) },
    ]);
  });

  readonly comparison = this.RULE('comparison', (): Expr => {
    const left = this.SUBRULE(this.additive);
    let result: Expr = left;
    this.OPTION(() => {
      this.OR([
        {
          ALT: () => {
            const op = this.OR2(
              [Equal, NotEqual, LessEqual, GreaterEqual, Less, Greater].map((type) => ({ ALT: () => this.CONSUME(type) })),
            );
            const right = this.SUBRULE2(this.additive);
            result = { kind: 'binary', op: COMPARISONS.get(op.tokenType)!, left, right, at: op.startOffset };
          },
        },
        {
          ALT: () => {
            let negated = false;
            this.OPTION2(() => {
              this.CONSUME(Not);
              negated = true;
            });
            const op = this.CONSUME(In);
            const membership = this.SUBRULE(this.inTarget, { ARGS: [left, op.startOffset] });
            result = negated ? { kind: 'not', operand: membership, at: op.startOffset } : membership;
          },
        },
      ]);
    });
    return result;
  });

  readonly inTarget = this.RULE('inTarget', (needle: Expr, at: number): Expr => {
    return this.OR([
      {
        ALT: () => {
          this.CONSUME(LParen);
          const target = this.OR2([
            { ALT: () => ({ kind: 'in-query', needle, query: this.SUBRULE(this.select), at }) as Expr },
            {
              ALT: () => {
                const items: Expr[] = [this.SUBRULE(this.expr)];
                this.MANY(() => {
                  this.CONSUME(Comma);
                  items.push(this.SUBRULE2(this.expr));
                });
                return { kind: 'in-list', needle, items, at } as Expr;
              },
            },
          ]);
          this.CONSUME(RParen);
          return target;
        },
      },
      { ALT: () => ({ kind: 'in-array', needle, array: this.SUBRULE(this.path), at }) as Expr },
    ]);
  });

  readonly additive = this.RULE('additive', (): Expr => {
    let left = this.SUBRULE(this.term);
    this.MANY(() => {
      const op = this.OR([{ ALT: () => this.CONSUME(Plus) }, { ALT: () => this.CONSUME(Minus) }]);
      const right = this.SUBRULE2(this.term);
      left = { kind: 'binary', op: op.tokenType === Plus ? '+' : '-', left, right, at: op.startOffset };
    });
    return left;
  });

  readonly term = this.RULE('term', (): Expr => {
    let left = this.SUBRULE(this.unary);
    this.MANY(() => {
      const op = this.OR([{ ALT: () => this.CONSUME(Star) }, { ALT: () => this.CONSUME(Slash) }]);
      const right = this.SUBRULE2(this.unary);
      left = { kind: 'binary', op: op.tokenType === Star ? '*' : '/', left, right, at: op.startOffset };
    });
    return left;
  });

  readonly unary = this.RULE('unary', (): Expr => {
    return this.OR([
      {
        ALT: () => {
          const op = this.CONSUME(Minus);
          return { kind: 'negate', operand: this.SUBRULE(this.unary), at: op.startOffset } as Expr;
        },
      },
      { ALT: () => this.SUBRULE(this.primary) },
    ]);
  });

  readonly primary = this.RULE('primary', (): Expr => {
    return this.OR([
      {
        ALT: () => {
          const t = this.CONSUME(NumberLiteral);
          return { kind: 'number', value: Number(t.image), at: t.startOffset } as Expr;
        },
      },
      {
        ALT: () => {
          const t = this.OR2([{ ALT: () => this.CONSUME(SingleQuoted) }, { ALT: () => this.CONSUME(DoubleQuoted) }]);
          return { kind: 'string', value: this.ACTION(() => unquote(t.image)), at: t.startOffset } as Expr;
        },
      },
      {
        // A name followed by `(` is a function call.
        GATE: () => this.LA(2).tokenType === LParen,
        ALT: () => {
          const name = this.CONSUME(Identifier);
          this.CONSUME(LParen);
          const args: Expr[] = [];
          this.OPTION(() => {
            args.push(this.SUBRULE(this.expr));
            this.MANY(() => {
              this.CONSUME(Comma);
              args.push(this.SUBRULE2(this.expr));
            });
          });
          this.CONSUME(RParen);
          return { kind: 'call', name: nameOf(name), args, at: name.startOffset } as Expr;
        },
      },
      { ALT: () => this.SUBRULE(this.path) },
      {
        ALT: () => {
          this.CONSUME2(LParen);
          const inner = this.SUBRULE3(this.expr);
          this.CONSUME2(RParen);
          return inner;
        },
      },
    ]);
  });

  readonly path = this.RULE('path', (): PathExpr => {
    const first = this.OR([{ ALT: () => this.CONSUME(Identifier) }, { ALT: () => this.CONSUME(QuotedIdentifier) }]);
    const names = [nameOf(first)];
    this.MANY(() => {
      this.CONSUME(Dot);
      names.push(nameOf(this.CONSUME2(Identifier)));
    });
    return { kind: 'path', names, at: first.startOffset };
  });
}

const parser = new FqlParser();

/** How deeply parentheses may nest before the statement is refused rather than recursed into. */
const MAX_PARENTHESES = 64;

function describeToken(token: IToken): string {
  return token.tokenType === EOF ? 'unexpected end of query' : `unexpected ${JSON.stringify(token.image)} at position ${token.startOffset}`;
}

/** Parses one statement; throws error 601 saying what was unexpected and where. */
export function parseStatement(text: string): Select {
  const trimmed = text.trim();
  if (trimmed === '') throw parseError('the query is empty');
  const lexed = lexer.tokenize(text);
  const bad = lexed.errors[0];
  if (bad) throw parseError(`unexpected ${JSON.stringify(text.slice(bad.offset, bad.offset + Math.max(1, bad.length)).slice(0, 20))} at position ${bad.offset}`);
  let depth = 0;
  for (let i = 0; i < lexed.tokens.length; i++) {
    const token = lexed.tokens[i]!;
    if (token.tokenType === Select_ && lexed.tokens[i + 1]?.tokenType === Star) {
      throw parseError(`SELECT * is not supported at position ${token.startOffset}; list the columns you want`);
    }
    if (token.tokenType === LParen && ++depth > MAX_PARENTHESES) throw parseError(`parentheses nest deeper than ${MAX_PARENTHESES} at position ${token.startOffset}`);
    if (token.tokenType === RParen) depth--;
  }
  parser.input = lexed.tokens;
  const select = parser.statement();
  const error = parser.errors[0];
  if (error) throw parseError(describeToken(error.token));
  return select;
}

/** The `#name` references of a statement, found by the lexer alone so that a statement that does not parse still shows what it needs. */
export function referencedResults(text: string): string[] {
  return lexer.tokenize(text).tokens.filter((token) => token.tokenType === ResultName).map((token) => token.image.slice(1));
}

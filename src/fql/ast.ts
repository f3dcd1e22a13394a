/** The tree a parsed FQL statement becomes. Names are lower case; `at` is the offset in the statement text. */

export type Expr =
  | { readonly kind: 'number'; readonly value: number; readonly at: number }
  | { readonly kind: 'string'; readonly value: string; readonly at: number }
  /** A column or a dotted path into one (`status.message`). */
  | PathExpr
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Expr[]; readonly at: number }
  | { readonly kind: 'negate'; readonly operand: Expr; readonly at: number }
  | { readonly kind: 'not'; readonly operand: Expr; readonly at: number }
  | { readonly kind: 'binary'; readonly op: BinaryOperator; readonly left: Expr; readonly right: Expr; readonly at: number }
  /** `x IN (a, b, …)` */
  | { readonly kind: 'in-list'; readonly needle: Expr; readonly items: readonly Expr[]; readonly at: number }
  /** `x IN (SELECT …)` */
  | { readonly kind: 'in-query'; readonly needle: Expr; readonly query: Select; readonly at: number }
  /** `x IN affiliations.name`: membership in an array column. */
  | { readonly kind: 'in-array'; readonly needle: Expr; readonly array: PathExpr; readonly at: number };

export interface PathExpr {
  readonly kind: 'path';
  readonly names: readonly string[];
  readonly at: number;
}

export type BinaryOperator = '+' | '-' | '*' | '/' | '=' | '!=' | '<' | '>' | '<=' | '>=' | 'and' | 'or';

export type Source = { readonly kind: 'table'; readonly name: string; readonly at: number } | { readonly kind: 'result'; readonly name: string; readonly at: number };

export interface OrderKey {
  readonly expr: Expr;
  readonly descending: boolean;
}

export interface Select {
  readonly items: readonly Expr[];
  readonly from: Source;
  readonly where: Expr | undefined;
  readonly orderBy: readonly OrderKey[];
  readonly limit: number | undefined;
  readonly offset: number;
  readonly at: number;
}

/** Calls `visit` for every expression of `expr`, outer first; subqueries are not entered. */
export function walkExpr(expr: Expr, visit: (expr: Expr) => void): void {
  visit(expr);
  switch (expr.kind) {
    case 'call':
      for (const arg of expr.args) walkExpr(arg, visit);
      break;
    case 'negate':
    case 'not':
      walkExpr(expr.operand, visit);
      break;
    case 'binary':
      walkExpr(expr.left, visit);
      walkExpr(expr.right, visit);
      break;
    case 'in-list':
      walkExpr(expr.needle, visit);
      for (const item of expr.items) walkExpr(item, visit);
      break;
    case 'in-query':
      walkExpr(expr.needle, visit);
      break;
    case 'in-array':
      walkExpr(expr.needle, visit);
      walkExpr(expr.array, visit);
      break;
    default:
      break;
  }
}

/** Every expression of a statement's own clauses (not of its subqueries). */
export function statementExprs(select: Select): Expr[] {
  const out: Expr[] = [];
  const roots = [...select.items, ...(select.where ? [select.where] : []), ...select.orderBy.map((key) => key.expr)];
  for (const root of roots) walkExpr(root, (expr) => out.push(expr));
  return out;
}

/** The statement and every subquery in it, outermost first. */
export function allSelects(select: Select): Select[] {
  const out: Select[] = [select];
  for (const expr of statementExprs(select)) if (expr.kind === 'in-query') out.push(...allSelects(expr.query));
  return out;
}

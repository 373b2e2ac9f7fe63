import type { Dialect } from '../../store/dialect.ts';

/**
 * A value computed from one fact row (`f`), as a small tree rather than an engine's SQL: the measures are
 * written in it, and `renderExpr` spells it for an engine (its dialect spells what engines differ on).
 */
export type Expr =
  | { kind: 'column'; name: string }
  | { kind: 'number'; value: number }
  | { kind: 'text'; value: string }
  | { kind: 'arithmetic'; op: '+' | '-' | '*' | '/'; left: Expr; right: Expr }
  | { kind: 'negate'; arg: Expr }
  | { kind: 'call'; fn: 'coalesce' | 'abs'; args: Expr[] }
  | { kind: 'compare'; op: '=' | '<>'; left: Expr; right: Expr }
  | { kind: 'in'; arg: Expr; values: readonly string[] }
  | { kind: 'not'; arg: Expr }
  | { kind: 'and'; args: Expr[] }
  | { kind: 'case'; when: { if: Expr; then: Expr }[]; else?: Expr }
  /** exact arithmetic wide enough for a division (the dialect's DECIMAL) */
  | { kind: 'decimal'; arg: Expr };

export const col = (name: string): Expr => ({ kind: 'column', name });
export const num = (value: number): Expr => ({ kind: 'number', value });
export const text = (value: string): Expr => ({ kind: 'text', value });
export const add = (left: Expr, right: Expr): Expr => ({ kind: 'arithmetic', op: '+', left, right });
export const sub = (left: Expr, right: Expr): Expr => ({ kind: 'arithmetic', op: '-', left, right });
export const div = (left: Expr, right: Expr): Expr => ({ kind: 'arithmetic', op: '/', left, right });
export const neg = (arg: Expr): Expr => ({ kind: 'negate', arg });
export const coalesce = (...args: Expr[]): Expr => ({ kind: 'call', fn: 'coalesce', args });
export const eq = (left: Expr, right: Expr): Expr => ({ kind: 'compare', op: '=', left, right });
export const oneOf = (arg: Expr, values: readonly string[]): Expr => ({ kind: 'in', arg, values });
export const not = (arg: Expr): Expr => ({ kind: 'not', arg });
export const and = (...args: Expr[]): Expr => ({ kind: 'and', args });
export const when = (branches: [Expr, Expr][], otherwise?: Expr): Expr =>
  ({ kind: 'case', when: branches.map(([i, t]) => ({ if: i, then: t })), ...(otherwise ? { else: otherwise } : {}) });
export const decimal = (arg: Expr): Expr => ({ kind: 'decimal', arg });

const quote = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** SQL of an expression over the fact row `f`. Every compound part is bracketed: the tree decides the order. */
export function renderExpr(e: Expr, dialect: Dialect): string {
  const r = (x: Expr) => renderExpr(x, dialect);
  switch (e.kind) {
    case 'column': return `f.${e.name}`;
    case 'number': return String(e.value);
    case 'text': return quote(e.value);
    case 'arithmetic': return `(${r(e.left)} ${e.op} ${r(e.right)})`;
    case 'negate': return `(-${r(e.arg)})`;
    case 'call': return `${e.fn}(${e.args.map(r).join(', ')})`;
    case 'compare': return `(${r(e.left)} ${e.op} ${r(e.right)})`;
    case 'in': return `(${r(e.arg)} IN (${e.values.map(quote).join(', ')}))`;
    case 'not': return `(NOT ${r(e.arg)})`;
    case 'and': return `(${e.args.map(r).join(' AND ')})`;
    case 'case': return `CASE ${e.when.map((w) => `WHEN ${r(w.if)} THEN ${r(w.then)}`).join(' ')}${e.else ? ` ELSE ${r(e.else)}` : ''} END`;
    case 'decimal': return dialect.castDecimal(r(e.arg));
  }
}

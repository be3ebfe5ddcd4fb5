import type { BindingStmt, Expr, MatchArm, Pattern, VerifyCase } from '../ast.js';

/**
 * Substitutes a verify block's bindings (`r = rollTwice()`) into the premises and cases after them, the way the
 * reference parser expands a block (Oracle addendum: "Expansion"): a binding is a textual abbreviation, so `r.result`
 * and `r.trace.count(Random.int)` become `rollTwice().result` and `rollTwice().trace.count(Random.int)`, two runs.
 * A binding may use the bindings before it; a `match` arm binder of the same name hides it inside that arm. Each
 * use gets its own copy of the expression (later passes annotate nodes in place).
 */
export function substituteBindings(
  bindings: readonly BindingStmt[],
  whens: readonly Expr[],
  cases: readonly VerifyCase[],
): { whens: Expr[]; cases: VerifyCase[] } {
  if (bindings.length === 0) return { whens: [...whens], cases: [...cases] };
  const expanded: { name: string; value: Expr; start: number }[] = [];
  for (const binding of bindings) {
    const value = substitute(binding.value, visibleAt(expanded, binding.span.start)) as Expr;
    if (binding.name !== '_') expanded.push({ name: binding.name, value, start: binding.span.start });
  }
  return {
    whens: whens.map((when) => substitute(when, visibleAt(expanded, when.span.start)) as Expr),
    cases: cases.map((verifyCase) => {
      const env = visibleAt(expanded, verifyCase.span.start);
      return {
        ...verifyCase,
        lhs: substitute(verifyCase.lhs, env) as Expr,
        rhs: substitute(verifyCase.rhs, env) as Expr,
      };
    }),
  };
}

/** The bindings written before `offset`, by name (a later binding of a name replaces an earlier one). */
function visibleAt(bindings: readonly { name: string; value: Expr; start: number }[], offset: number) {
  const env = new Map<string, Expr>();
  for (const binding of bindings) if (binding.start < offset) env.set(binding.name, binding.value);
  return env;
}

/** A copy of `node` with every free `Ident` named in `env` replaced by a copy of its expression. */
function substitute(node: unknown, env: ReadonlyMap<string, Expr>): unknown {
  if (env.size === 0 || node === null || typeof node !== 'object') return node;
  if (Array.isArray(node)) return node.map((item) => substitute(item, env));
  const object = node as Record<string, unknown>;
  if (object.kind === 'Ident') {
    const value = env.get(object.name as string);
    return value === undefined ? node : copy(value);
  }
  if (object.kind === 'Match') {
    const match = node as Expr & { kind: 'Match' };
    return {
      ...match,
      subject: substitute(match.subject, env),
      arms: match.arms.map((arm): MatchArm => {
        const inner = new Map(env);
        for (const name of binders(arm.pattern)) inner.delete(name);
        return { ...arm, body: substitute(arm.body, inner) as Expr };
      }),
    };
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object))
    out[key] = key === 'span' ? value : substitute(value, env);
  return out;
}

/** A deep copy of a freshly parsed expression (spans are shared; nothing is annotated yet). */
function copy(node: unknown): unknown {
  if (node === null || typeof node !== 'object') return node;
  if (Array.isArray(node)) return node.map(copy);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = key === 'span' ? value : copy(value);
  return out;
}

/** The names a pattern binds. */
function binders(pattern: Pattern): string[] {
  switch (pattern.kind) {
    case 'BindPattern':
      return [pattern.name];
    case 'ConsPattern':
      return [pattern.head, pattern.tail];
    case 'ConstructorPattern':
      return [...(pattern.binders ?? [])];
    case 'TuplePattern':
      return pattern.items.flatMap(binders);
    default:
      return [];
  }
}

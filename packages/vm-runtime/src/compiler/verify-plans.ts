import type { Span, TraceProjection } from '../ast.js';
import type { CheckedProgram } from '../checker/index.js';
import type { CodeUnit } from '../passes/code-unit.js';

/** One case of a verify plan: its chunk, where and how it is written, and what it stubs. */
export interface VerifyCasePlan {
  /** The chunk: params are every given; see `UnitCompiler.verifyCase` for its result encoding. */
  readonly chunk: number;
  readonly line: number;
  readonly column: number;
  /** The case as written (`add(2, 3) => 5`), and its two sides. */
  readonly source: string;
  readonly lhs: string;
  readonly rhs: string;
  /** True when its left side is a trace projection the runner evaluates (a failure then shows the trace). */
  readonly projection: boolean;
}

/** A verify block as the `verify` command runs it: which chunks compute its domains and cases. */
export interface VerifyPlan {
  /** `add` for cases, `add spec commutative` for a law (the 0.13–0.22 label of verify blocks). */
  readonly label: string;
  /** Name of the verified function as written, and qualified (the target of its trace). */
  readonly fnName: string;
  readonly fnQualifiedName: string;
  readonly law: string | null;
  /** Whether the block is `verify f trace` (the first cases block's flag for merged cases blocks). */
  readonly trace: boolean;
  readonly line: number;
  /**
   * One chunk per `given` (params: the earlier givens); the chunk returns `(from, to)` or a list (or the `Err` a `?`
   * met). `line` and `column` are the given's.
   */
  readonly domains: readonly {
    readonly name: string;
    readonly chunk: number;
    readonly range: boolean;
    readonly line: number;
    readonly column: number;
  }[];
  /**
   * The givens whose values stub an effect (Oracle addendum: "Running one case" step 2): their position and the
   * effect.
   */
  readonly stubs: readonly { readonly given: number; readonly effect: string }[];
  readonly cases: readonly VerifyCasePlan[];
}

/** A projection the runner evaluates: on a direct call of the verified function (Oracle addendum: "Grammar"). */
export function isTraced(projection: TraceProjection | undefined, fnQualifiedName: string): boolean {
  const target = projection?.source.target;
  return target?.kind === 'function' && target.qualifiedName === fnQualifiedName;
}

/**
 * Groups the verify units into one plan per block, in source order. A unit's chunk is its index: unit names are not
 * unique here (two `verify add` blocks both have a `<verify add #1>`).
 */
export function verifyPlans(units: readonly CodeUnit[], checked: CheckedProgram): VerifyPlan[] {
  type Domain = VerifyPlan['domains'][number];
  const text = checked.entry.text;
  const sourceOf = (span: Span) => text.slice(span.start, span.end);
  const plans = new Map<object, VerifyPlan & { domains: Domain[]; cases: VerifyCasePlan[] }>();
  units.forEach((unit, chunk) => {
    const role = unit.verify;
    if (role === null) return;
    const block = role.block;
    let plan = plans.get(block);
    if (plan === undefined) {
      plan = {
        label: block.law === null ? block.fnName : `${block.fnName} spec ${block.law}`,
        fnName: block.fnName,
        fnQualifiedName: checked.functions.get(block.fnName)?.qualifiedName ?? block.fnName,
        law: block.law,
        trace: role.oracle.trace,
        line: block.span.line,
        domains: [],
        stubs: role.oracle.stubs,
        cases: [],
      };
      plans.set(block, plan);
    }
    if (role.kind === 'domain') {
      const given = block.givens[role.givenIndex];
      plan.domains.push({
        name: given.name,
        chunk,
        range: given.domain.kind === 'range',
        line: given.span.line,
        column: given.span.column,
      });
      return;
    }
    const verifyCase = block.cases[role.caseIndex];
    const lhs = verifyCase.lhs;
    const projection = lhs.kind === 'Member' || lhs.kind === 'Call' ? lhs.projection : undefined;
    plan.cases.push({
      chunk,
      line: verifyCase.span.line,
      column: verifyCase.span.column,
      source: sourceOf(verifyCase.span),
      lhs: sourceOf(lhs.span),
      rhs: sourceOf(verifyCase.rhs.span),
      projection: role.oracle.trace && isTraced(projection, plan.fnQualifiedName),
    });
  });
  return [...plans.values()];
}

import type { VerifyCasePlan, VerifyPlan } from './compiler/verify-plans.js';
import { reprValue } from './display.js';
import { valuesEqual } from './equality.js';
import { AverRuntimeError } from './errors.js';
import { OracleState } from './oracle/oracle-state.js';
import { eventValue } from './oracle/trace-query.js';
import { type CompiledProgram, openSession, type Session } from './program.js';
import {
  FunctionValue,
  type ListValue,
  listToArray,
  normalizeInt,
  type TupleValue,
  UNIT,
  type Value,
  WrapKind,
  WrapValue,
} from './values.js';
import { VmMessages } from './vm-messages.js';
import { markShared } from './vm-support.js';

export { formatVerifyReport, type VerifyStyle } from './verify-format.js';

/**
 * Most cases one block runs (Oracle addendum: "Expansion"); a block whose domains are literal is checked against it
 * when parsed.
 */
export const MAX_LAW_CASES = 10_000;

/** Why a case failed. */
export type CaseFailureKind = 'mismatch' | 'runtime error' | 'unexpected err';

/**
 * One failed case (or failed `given` domain), with what its diagnostic shows (Oracle addendum:
 * "`aver verify` output").
 */
export interface CaseFailure {
  readonly kind: CaseFailureKind;
  readonly line: number;
  readonly column: number;
  /** The case's two sides as written (`null` for a failed domain: then `given` names it). */
  readonly lhs: string | null;
  readonly rhs: string | null;
  /** The law's name, for a law. */
  readonly law: string | null;
  /** The given values of this combination (`repr`), or the failed given's name alone. */
  readonly givens: readonly { readonly name: string; readonly value: string | null }[];
  /** For a mismatch: the right side (expected) and the left side (actual), as `repr`. */
  readonly expected: string;
  readonly actual: string;
  /** For an error: its message. */
  readonly error: string;
  /** For a failed trace projection: the events of the traced call (`EffectEvent(…)` each). */
  readonly trace: readonly string[] | null;
}

/** One output line of `aver verify`: all case blocks of one function, or one law. */
export interface VerifyLine {
  readonly label: string;
  readonly passed: number;
  /**
   * Cases skipped because a `when` premise was false (they count in the total, Oracle addendum:
   * "`aver verify` output").
   */
  readonly skipped: number;
  /** passed + failed + skipped. */
  readonly total: number;
  readonly failures: readonly CaseFailure[];
}

/** Options of `verifyProgram`. */
export interface VerifyOptions {
  /**
   * Fail an evaluation with a `limit` error (`deadline of N ms exceeded`) once it has run this long: each case, each
   * `given` domain and the top-level statements get the whole limit. Absent: no limit.
   */
  readonly timeoutMs?: number;
}

/** The outcome of `verifyProgram`. */
export interface VerifyReport {
  readonly lines: readonly VerifyLine[];
  /** Set when `__top_level__` failed, so no block could run. */
  readonly setupError: string | null;
}

interface MutableLine {
  label: string;
  passed: number;
  skipped: number;
  total: number;
  failures: CaseFailure[];
}

/**
 * Runs every verify block of the entry file (language reference: "Top-level items"; Oracle addendum:
 * "Running one case"): each written case over the cartesian product of its block's `given` domains (Int ranges
 * inclusive, explicit lists; a domain may use the givens before it), at most 10,000 cases per block. A case whose
 * `when` premise is false is skipped; otherwise its stub givens replace their effects, the verified function's own
 * effect calls are traced, and a trace projection on its left side is applied to those events. Both sides are
 * compared with structural equality (language reference: "Equality"). Case blocks of one function merge into one
 * line; each law is its own line (`fib spec fibSpec`). With `options.timeoutMs`, a case that runs past it fails as a
 * runtime error and the others still run.
 */
export function verifyProgram(program: CompiledProgram, options: VerifyOptions = {}): VerifyReport {
  const code = program.code.verifyCode();
  const timeoutMs = options.timeoutMs;
  const opened = openSession(
    { ...program, code },
    { console: 'silent', ...(timeoutMs === undefined ? {} : { timeoutMs }) },
  );
  // Every evaluation verify starts (the top level, a given domain, a case) gets the whole limit: a case that runs
  // away fails alone, as a runtime error, and the cases after it still run.
  const session: Session =
    timeoutMs === undefined
      ? opened
      : {
          ...opened,
          call(index, args) {
            opened.run.deadline = performance.now() + timeoutMs;
            return opened.call(index, args);
          },
        };
  const oracle = new OracleState(code, session.run);
  code.oracle.state = oracle;
  try {
    if (code.hasTopLevel) {
      try {
        session.call(code.topLevelIndex, []);
      } catch (error) {
        if (error instanceof AverRuntimeError) return { lines: [], setupError: error.format() };
        throw error;
      }
    }
    const lines = new Map<string, MutableLine>();
    for (const plan of code.verifyPlans) {
      const key = plan.law === null ? `cases:${plan.fnName}` : `law:${plan.fnName}:${plan.law}`;
      let line = lines.get(key);
      if (line === undefined) {
        line = { label: plan.label, passed: 0, skipped: 0, total: 0, failures: [] };
        lines.set(key, line);
      }
      runPlan(session, oracle, plan, line);
    }
    return { lines: [...lines.values()], setupError: null };
  } finally {
    code.oracle.state = null;
    session.close();
  }
}

function runPlan(session: Session, oracle: OracleState, plan: VerifyPlan, line: MutableLine): void {
  const combinations = enumerate(session, plan, line);
  if (combinations === null) return;
  const names = plan.domains.map((domain) => domain.name);
  // Each written case expands over every combination, in order (Oracle addendum: "Expansion").
  for (const verifyCase of plan.cases) {
    for (const givens of combinations) {
      const stubs = new Map<string, number>();
      for (const stub of plan.stubs) {
        const value = givens[stub.given];
        if (value instanceof FunctionValue && value.kind === 'fn') stubs.set(stub.effect, value.index);
      }
      oracle.beginCase(plan.fnQualifiedName, stubs);
      let outcome: CaseOutcome;
      try {
        outcome = runCase(session, verifyCase.chunk, givens);
      } finally {
        oracle.endCase();
      }
      line.total++;
      if (outcome.kind === 'skipped') line.skipped++;
      else if (outcome.kind === 'pass') line.passed++;
      else if (
        outcome.kind === 'mismatch' ||
        outcome.kind === 'runtime error' ||
        outcome.kind === 'unexpected err'
      ) {
        const shown = names.map((name, index) => ({ name, value: reprValue(givens[index]) }));
        const trace = verifyCase.projection
          ? (oracle.projected ?? []).map((event) => reprValue(eventValue(event)))
          : null;
        line.failures.push(failureOf(plan, verifyCase, outcome, shown, trace));
      }
    }
  }
}

/**
 * The combinations of the block's given values, depth-first (a domain may depend on the givens before it); `null`
 * when a domain fails (one failure of the block, on the given's line) or the block expands too far.
 */
function enumerate(session: Session, plan: VerifyPlan, line: MutableLine): Value[][] | null {
  const combinations: Value[][] = [];
  const limit = Math.floor(MAX_LAW_CASES / Math.max(1, plan.cases.length));
  let failed = false;
  const domainFailure = (index: number, kind: CaseFailureKind, error: string) => {
    const domain = plan.domains[index];
    line.total++;
    line.failures.push({
      kind,
      line: domain.line,
      column: domain.column,
      lhs: null,
      rhs: null,
      law: plan.law,
      givens: [{ name: domain.name, value: null }],
      expected: '',
      actual: '',
      error,
      trace: null,
    });
    failed = true;
  };
  const walk = (prefix: Value[]): boolean => {
    if (prefix.length === plan.domains.length) {
      combinations.push(prefix);
      return combinations.length <= limit;
    }
    const index = prefix.length;
    let result: Value;
    try {
      result = session.call(plan.domains[index].chunk, prefix);
    } catch (error) {
      if (!(error instanceof AverRuntimeError)) throw error;
      domainFailure(index, 'runtime error', error.format());
      return false;
    }
    // A `?` that met an Err in the domain expression returned that Err instead of the values.
    if (result instanceof WrapValue) {
      domainFailure(index, 'unexpected err', reprValue(result));
      return false;
    }
    for (const value of domainValues(result, plan.domains[index].range, limit)) {
      if (!walk([...prefix, markShared(value)])) return false;
    }
    return true;
  };
  walk([]);
  if (failed) return null;
  if (combinations.length > limit) {
    line.total++;
    line.failures.push({
      kind: 'runtime error',
      line: plan.line,
      column: 1,
      lhs: null,
      rhs: null,
      law: plan.law,
      givens: [],
      expected: '',
      actual: '',
      error: VmMessages.verifyExpandsTooFar(plan.law !== null, MAX_LAW_CASES),
      trace: null,
    });
    return null;
  }
  return combinations;
}

type CaseOutcome =
  | { readonly kind: 'pass' | 'skipped' }
  | { readonly kind: 'mismatch'; readonly expected: string; readonly actual: string }
  | { readonly kind: 'runtime error' | 'unexpected err'; readonly error: string };

/** Runs one case chunk: Unit when a `when` premise skipped it, an `Err` a `?` met, or `Ok((lhs, rhs))`. */
function runCase(session: Session, chunk: number, givens: readonly Value[]): CaseOutcome {
  let result: Value;
  try {
    result = session.call(chunk, givens);
  } catch (error) {
    if (!(error instanceof AverRuntimeError)) throw error;
    return { kind: 'runtime error', error: error.format() };
  }
  if (result === UNIT) return { kind: 'skipped' };
  const wrapped = result as WrapValue;
  if (wrapped.wrap !== WrapKind.Ok) return { kind: 'unexpected err', error: reprValue(wrapped) };
  const [left, right] = (wrapped.value as TupleValue).items;
  if (valuesEqual(left, right)) return { kind: 'pass' };
  return { kind: 'mismatch', expected: reprValue(right), actual: reprValue(left) };
}

function failureOf(
  plan: VerifyPlan,
  verifyCase: VerifyCasePlan,
  outcome: Exclude<CaseOutcome, { kind: 'pass' | 'skipped' }>,
  givens: CaseFailure['givens'],
  trace: readonly string[] | null,
): CaseFailure {
  return {
    kind: outcome.kind,
    line: verifyCase.line,
    column: verifyCase.column,
    lhs: verifyCase.lhs,
    rhs: verifyCase.rhs,
    law: plan.law,
    givens,
    expected: outcome.kind === 'mismatch' ? outcome.expected : '',
    actual: outcome.kind === 'mismatch' ? outcome.actual : '',
    error: outcome.kind === 'mismatch' ? '' : outcome.error,
    trace,
  };
}

/** The values of a domain chunk's result: an inclusive Int range `(from, to)` or a list. */
function* domainValues(result: Value, range: boolean, limit: number): Generator<Value> {
  if (!range) {
    yield* listToArray(result as ListValue);
    return;
  }
  const [from, to] = (result as TupleValue).items as [number | bigint, number | bigint];
  let count = 0;
  for (let value = BigInt(from); value <= BigInt(to) && count <= limit; value++, count++) {
    yield normalizeInt(value);
  }
}

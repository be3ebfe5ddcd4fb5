import type { VerifyPlan } from './compiler.js';
import { reprValue } from './display.js';
import { valuesEqual } from './equality.js';
import { AverRuntimeError } from './errors.js';
import { type CompiledProgram, openSession, type Session } from './program.js';
import {
  type ListValue,
  listToArray,
  normalizeInt,
  type TupleValue,
  UNIT,
  type Value,
  WrapKind,
  WrapValue,
} from './values.js';
import { markShared } from './vm-support.js';
import { VmMessages } from './vm-messages.js';
import { escapeControlChars } from './terminal-text.js';

/** Most combinations of `given` values one law runs (§1.4). */
export const MAX_LAW_CASES = 10_000;

/** Why a case failed. */
export type CaseFailureKind = 'mismatch' | 'runtime error' | 'unexpected err';

/** One failed case, with what it needs to be shown. */
export interface CaseFailure {
  readonly kind: CaseFailureKind;
  readonly line: number;
  /** The case as written: `add(2, 3) => 5`. */
  readonly source: string;
  /** `a = 1, b = -1` for a law, empty for plain cases. */
  readonly givens: string;
  /** For a mismatch: both sides (`repr`); for an error: its message. */
  readonly left: string;
  readonly right: string;
}

/** One output line of `aver verify`: all case blocks of one function, or one law. */
export interface VerifyLine {
  readonly label: string;
  readonly passed: number;
  readonly total: number;
  readonly failures: readonly CaseFailure[];
}

/** The outcome of `verifyProgram`. */
export interface VerifyReport {
  readonly lines: readonly VerifyLine[];
  /** Set when `__top_level__` failed, so no block could run. */
  readonly setupError: string | null;
}

/**
 * Runs every verify block of the entry file (§1.4): each case once, each law over the cartesian product of its
 * `given` domains (Int ranges inclusive, explicit lists), at most `MAX_LAW_CASES` combinations, skipping those whose
 * `when` premises are false. Both sides are compared with structural equality (§4.6). Case blocks of the same
 * function are merged into one line; each law is its own line (`fib spec fibSpec`).
 */
export function verifyProgram(program: CompiledProgram): VerifyReport {
  const plans = program.code.verifyPlans;
  const session = openSession(program, { console: 'silent' });
  try {
    if (program.code.hasTopLevel) {
      try {
        session.call(program.code.topLevelIndex, []);
      } catch (error) {
        if (error instanceof AverRuntimeError) return { lines: [], setupError: error.format() };
        throw error;
      }
    }
    const lines = new Map<
      string,
      { label: string; passed: number; total: number; failures: CaseFailure[] }
    >();
    for (const plan of plans) {
      const key = plan.law === null ? `cases:${plan.fnName}` : `law:${plan.fnName}:${plan.law}`;
      let line = lines.get(key);
      if (line === undefined) {
        line = { label: plan.label, passed: 0, total: 0, failures: [] };
        lines.set(key, line);
      }
      runPlan(session, plan, line);
    }
    return { lines: [...lines.values()], setupError: null };
  } finally {
    session.close();
  }
}

function runPlan(
  session: Session,
  plan: VerifyPlan,
  line: { passed: number; total: number; failures: CaseFailure[] },
): void {
  const names = plan.domains.map((domain) => domain.name);
  let combinations = 0;
  const runCases = (givens: readonly Value[]) => {
    for (const verifyCase of plan.cases) {
      const outcome = runCase(session, verifyCase.chunk, givens);
      if (outcome === null) continue;
      line.total++;
      if (outcome.kind === 'pass') {
        line.passed++;
        continue;
      }
      const shown = names.map((name, index) => `${name} = ${reprValue(givens[index])}`).join(', ');
      line.failures.push({ ...outcome, line: verifyCase.line, source: verifyCase.source, givens: shown });
    }
  };
  // Depth-first over the domains; a domain may depend on the givens before it.
  const enumerate = (prefix: Value[]): boolean => {
    if (prefix.length === plan.domains.length) {
      runCases(prefix);
      return ++combinations < MAX_LAW_CASES;
    }
    const domain = plan.domains[prefix.length];
    const fail = (kind: CaseFailureKind, left: string) => {
      line.total++;
      line.failures.push({
        kind,
        line: domain.line,
        source: `given ${domain.name}`,
        givens: '',
        left,
        right: '',
      });
      return false;
    };
    let result: Value;
    try {
      result = session.call(domain.chunk, prefix);
    } catch (error) {
      if (!(error instanceof AverRuntimeError)) throw error;
      return fail('runtime error', error.format());
    }
    // A `?` that met an Err in the domain expression returned that Err instead of the values.
    if (result instanceof WrapValue) return fail('unexpected err', reprValue(result));
    const values = domainValues(result, domain.range);
    for (const value of values) {
      if (!enumerate([...prefix, markShared(value)])) return false;
    }
    return true;
  };
  enumerate([]);
}

type CaseOutcome =
  | { readonly kind: 'pass' }
  | { readonly kind: CaseFailureKind; left: string; right: string };

/** Runs one case chunk; `null` when a `when` premise skipped it. */
function runCase(session: Session, chunk: number, givens: readonly Value[]): CaseOutcome | null {
  let result: Value;
  try {
    result = session.call(chunk, givens);
  } catch (error) {
    if (!(error instanceof AverRuntimeError)) throw error;
    return { kind: 'runtime error', left: error.format(), right: '' };
  }
  if (result === UNIT) return null;
  const wrapped = result as WrapValue;
  if (wrapped.wrap !== WrapKind.Ok) return { kind: 'unexpected err', left: reprValue(wrapped), right: '' };
  const [left, right] = (wrapped.value as TupleValue).items;
  if (valuesEqual(left, right)) return { kind: 'pass' };
  return { kind: 'mismatch', left: reprValue(left), right: reprValue(right) };
}

/** The values of a domain chunk's result: an inclusive Int range `(from, to)` or a list. */
function* domainValues(result: Value, range: boolean): Generator<Value> {
  if (!range) {
    yield* listToArray(result as ListValue);
    return;
  }
  const [from, to] = (result as TupleValue).items as [number | bigint, number | bigint];
  let count = 0;
  for (let value = BigInt(from); value <= BigInt(to) && count < MAX_LAW_CASES; value++, count++) {
    yield normalizeInt(value);
  }
}

/** How verify output is decorated. */
export interface VerifyStyle {
  readonly colour: boolean;
  /** Failure details shown per line (3 by default, like the reference without `--verbose`). */
  readonly maxFailures: number;
}

const CYAN = '\u001b[36m';
const GREEN = '\u001b[32m';
const RED = '\u001b[31m';
const RESET = '\u001b[0m';

/**
 * Renders a report the way `aver verify` prints it (§1.4): `Verify: <path>`, one line per block
 * (`  ✓ <label>      <passed>/<total>` or `  ✗ <label>      <passed>/<total> passed (<n> mismatch, …)`), up to
 * `maxFailures` failure details under a failing line, a blank line, and the summary.
 */
export function formatVerifyReport(rawPath: string, report: VerifyReport, style: VerifyStyle): string[] {
  const path = escapeControlChars(rawPath);
  const paint = (code: string, text: string) => (style.colour ? `${code}${text}${RESET}` : text);
  if (report.setupError !== null)
    return [paint(CYAN, `Verify: ${path}`), `  ${paint(RED, escapeControlChars(report.setupError))}`];
  if (report.lines.length === 0) return [VmMessages.noVerifyBlocks(path)];
  const out = [paint(CYAN, `Verify: ${path}`)];
  let passed = 0;
  let total = 0;
  for (const line of report.lines) {
    passed += line.passed;
    total += line.total;
    if (line.failures.length === 0) {
      out.push(`  ${paint(GREEN, '✓')} ${line.label}      ${line.passed}/${line.total}`);
      continue;
    }
    out.push(
      `  ${paint(RED, '✗')} ${line.label}      ${line.passed}/${line.total} passed (${failureCounts(line)})`,
    );
    for (const failure of line.failures.slice(0, style.maxFailures)) out.push(...formatFailure(failure));
  }
  const failed = total - passed;
  const files = '1 file';
  const blocks = `${report.lines.length} ${report.lines.length === 1 ? 'block' : 'blocks'}`;
  const summary = `Summary: ${files} | ${blocks} | ${passed}/${total} cases passed${failed > 0 ? ` | ${failed} failed` : ''}`;
  out.push('', paint(failed > 0 ? RED : GREEN, summary));
  return out;
}

/**
 * A case written over several lines (inside brackets) on one line: comments, line breaks and their indentation go,
 * with no space after an opening bracket or before a closing one. String literals never span lines, so only layout
 * changes.
 */
function oneLine(source: string): string {
  if (!source.includes('\n')) return source;
  return withoutComments(source)
    .replace(/([([{])\s*\n\s*/g, '$1')
    .replace(/\s*\n\s*([)\]}])/g, '$1')
    .replace(/\s*\n\s*/g, ' ');
}

/** The text with each `//` comment (outside string literals) cut off before its line end. */
function withoutComments(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') {
        out += text.slice(i, i + 2);
        i++;
        continue;
      }
      if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      if (end < 0) break;
      i = end - 1;
      continue;
    }
    out += char;
  }
  return out;
}

/** `1 mismatch, 2 runtime error` (zero counts left out). */
function failureCounts(line: VerifyLine): string {
  const kinds: CaseFailureKind[] = ['mismatch', 'runtime error', 'unexpected err'];
  return kinds
    .map((kind) => [kind, line.failures.filter((failure) => failure.kind === kind).length] as const)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${count} ${kind}`)
    .join(', ');
}

/** The source text and the values come from the program: terminal controls in them are escaped. */
function formatFailure(failure: CaseFailure): string[] {
  const source = escapeControlChars(oneLine(failure.source));
  const givens = escapeControlChars(failure.givens);
  const left = escapeControlChars(failure.left);
  const where = `    line ${failure.line}: ${source}${givens === '' ? '' : `  [${givens}]`}`;
  switch (failure.kind) {
    case 'mismatch':
      return [where, `      left:  ${left}`, `      right: ${escapeControlChars(failure.right)}`];
    case 'runtime error':
      return [where, `      ${left}`];
    case 'unexpected err':
      return [where, `      unexpected ${left}`];
  }
}

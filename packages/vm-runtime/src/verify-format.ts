import { escapeControlChars } from './terminal-text.js';
import type { CaseFailure, CaseFailureKind, VerifyLine, VerifyReport } from './verify.js';
import { VmMessages } from './vm-messages.js';

/** How verify output is decorated. */
export interface VerifyStyle {
  readonly colour: boolean;
  /** Failure diagnostics shown per line (3 by default, like the reference without `--verbose`). */
  readonly maxFailures: number;
}

const CYAN = '\u001b[36m';
const GREEN = '\u001b[32m';
const RED = '\u001b[31m';
const RESET = '\u001b[0m';

/**
 * The diagnostic slug and header of each failure kind (Oracle addendum: "`aver verify` output": the mismatch ones are
 * the reference's).
 */
const HEADERS: Readonly<Record<CaseFailureKind, { slug: string; caseText: string; lawText: string }>> = {
  mismatch: { slug: 'verify-mismatch', caseText: 'assertion failed', lawText: 'law violated' },
  'runtime error': { slug: 'verify-runtime-error', caseText: 'runtime error', lawText: 'runtime error' },
  'unexpected err': {
    slug: 'verify-unexpected-err',
    caseText: 'unexpected error',
    lawText: 'unexpected error',
  },
};

/**
 * Renders a report the way `aver verify` prints it (language reference: "Top-level items"; Oracle addendum:
 * "`aver verify` output"): `Verify: <path>`, one line per block (`  ✓ <label>      <passed>/<total>` or
 * `  ✗ <label>      <passed>/<total> passed (<n> mismatch, …)`, the total counting skipped cases), up to
 * `maxFailures` failure diagnostics under a failing line, a blank line, and
 * `Summary: 1 file | N blocks | P/T cases passed | F failed` (plus `| S skipped by \`when\`` when some were).
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
  let skipped = 0;
  for (const line of report.lines) {
    passed += line.passed;
    total += line.total;
    skipped += line.skipped;
    if (line.failures.length === 0) {
      out.push(`  ${paint(GREEN, '✓')} ${line.label}      ${line.passed}/${line.total}`);
      continue;
    }
    out.push(
      `  ${paint(RED, '✗')} ${line.label}      ${line.passed}/${line.total} passed (${failureCounts(line)})`,
    );
    for (const failure of line.failures.slice(0, style.maxFailures)) {
      out.push(...formatFailure(path, line.label, failure));
    }
  }
  const failed = total - passed - skipped;
  const blocks = `${report.lines.length} ${report.lines.length === 1 ? 'block' : 'blocks'}`;
  const skippedPart = skipped > 0 ? ` | ${skipped} skipped by \`when\`` : '';
  const summary = `Summary: 1 file | ${blocks} | ${passed}/${total} cases passed | ${failed} failed${skippedPart}`;
  out.push('', paint(failed > 0 ? RED : GREEN, summary));
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

/**
 * One failure diagnostic (Oracle addendum: "`aver verify` output"); the source text and the values come from the
 * program, so terminal controls in them are escaped: `fail[verify-mismatch]: assertion failed` (`law violated` for a
 * law), then `at:`, `block:`, `law:`, `case: <lhs> == <rhs>`, `given: x = v` per given, and `expected:` / `actual:`
 * (with the trace of a projection) or `error:`.
 */
function formatFailure(path: string, label: string, failure: CaseFailure): string[] {
  const text = escapeControlChars;
  const header = HEADERS[failure.kind];
  const out = [
    `    fail[${header.slug}]: ${failure.law === null ? header.caseText : header.lawText}`,
    `      at: ${path}:${failure.line}:${failure.column}`,
    `      block: ${label}`,
  ];
  if (failure.law !== null) out.push(`      law: ${failure.law}`);
  if (failure.lhs !== null)
    out.push(`      case: ${text(oneLine(failure.lhs))} == ${text(oneLine(failure.rhs ?? ''))}`);
  for (const given of failure.givens) {
    out.push(
      given.value === null
        ? `      given: ${given.name}`
        : `      given: ${given.name} = ${text(given.value)}`,
    );
  }
  if (failure.kind !== 'mismatch') {
    out.push(`      error: ${text(failure.error)}`);
    return out;
  }
  out.push(`      expected: ${text(failure.expected)}`);
  const trace = failure.trace;
  const traced =
    trace === null
      ? ''
      : trace.length === 0
        ? '  (trace: [] — no effects recorded)'
        : `  (trace: [${text(trace.join(', '))}])`;
  out.push(`      actual: ${text(failure.actual)}${traced}`);
  return out;
}

/**
 * A side written over several lines (inside brackets) on one line: comments, line breaks and their indentation go,
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

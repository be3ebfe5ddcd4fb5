// Verdicts: what counts as a finding. Every message the tools give about bad input must be in our own words and
// every exit code in the documented set; a JS error text, a stack trace, exit 70 (internal error), a signal or an
// undocumented code is a finding, and so is a run that outlives its time limit (a hang, decided by the supervisor).

/** The exit codes both commands document: 0 success, 1 the input or the run failed, 2 a bad command line. */
export const DOCUMENTED_EXIT_CODES = new Set([0, 1, 2]);
/** `aver`'s and `aver-bench`'s internal error (sysexits EX_SOFTWARE). */
export const EXIT_INTERNAL = 70;

/** Texts that only a JavaScript engine writes: an error class, an engine message, or a stack frame. */
const RAW_JS_PATTERNS = [
  /\b(?:TypeError|RangeError|ReferenceError|SyntaxError|EvalError|URIError|AggregateError|InternalError)\b/,
  /Invalid string length/,
  /Invalid array length/,
  /Invalid typed array length/,
  /Maximum call stack size exceeded/,
  /Cannot read propert(?:y|ies) of/,
  /Cannot set propert(?:y|ies) of/,
  /is not a function\b/,
  /is not iterable\b/,
  /is not defined\b/,
  /Cannot convert a BigInt/,
  /Cannot mix BigInt/,
  /Do not know how to serialize a BigInt/,
  /FATAL ERROR/,
  /\[object Object\]/,
  /^\s+at (?:.+ \()?(?:file:|node:|\/).+:\d+:\d+\)?$/m,
  /ERR_[A-Z_]{4,}/,
];

/**
 * The first engine text in `text` that the input does not contain itself, or `null`. Aver messages quote the input
 * (a code frame shows the source line), and a test program may mention `Invalid string length` in a comment, so a
 * text that is in the input is not the engine speaking.
 * @param {string} text What a tool printed or returned.
 * @param {string} inputText Everything the input consists of.
 */
export function rawJsText(text, inputText) {
  for (const pattern of RAW_JS_PATTERNS) {
    for (const match of text.matchAll(new RegExp(pattern.source, `${pattern.flags}g`))) {
      const found = match[0].trim();
      if (!inputText.includes(found)) return found;
    }
  }
  return null;
}

/**
 * @typedef {'ok' | 'crash' | 'hang' | 'wrong-exit'} Verdict
 * @typedef {{ verdict: Verdict, reason: string }} Classification
 */

/** @type {Classification} */
const OK = { verdict: 'ok', reason: '' };

/**
 * An in-process call's outcome: `thrown` is what escaped the public API (an error that is not the API's own kind
 * of failure), `messages` every text it returned about the input (diagnostics, runtime errors, manifest errors).
 * @param {{ thrown: { name: string, message: string } | null, messages: readonly string[] }} outcome
 * @param {string} inputText The input's text (see `rawJsText`).
 * @returns {Classification}
 */
export function classifyInProcess(outcome, inputText) {
  if (outcome.thrown !== null) {
    return { verdict: 'crash', reason: `threw ${outcome.thrown.name}: ${firstLine(outcome.thrown.message)}` };
  }
  for (const message of outcome.messages) {
    const raw = rawJsText(message, inputText);
    if (raw !== null) return { verdict: 'crash', reason: `engine text in a message: ${raw}` };
  }
  return OK;
}

/**
 * A child process's outcome. `timedOut` is set when the supervisor had to kill it.
 * @param {{ code: number | null, signal: string | null, stdout: string, stderr: string, timedOut: boolean }} run
 * @param {string} inputText The input's files, joined (see `rawJsText`).
 * @returns {Classification}
 */
export function classifyProcess(run, inputText) {
  if (run.timedOut) return { verdict: 'hang', reason: 'still running at the time limit (killed)' };
  if (run.code === EXIT_INTERNAL) return { verdict: 'crash', reason: `exit 70: ${firstLine(run.stderr)}` };
  const raw = rawJsText(run.stderr, inputText) ?? rawJsText(run.stdout, inputText);
  if (raw !== null) return { verdict: 'crash', reason: `engine text in the output: ${raw}` };
  if (/^internal error:/m.test(run.stderr)) {
    return { verdict: 'crash', reason: `internal error with exit ${run.code}` };
  }
  if (run.code === null) return { verdict: 'wrong-exit', reason: `ended by signal ${run.signal}` };
  if (!DOCUMENTED_EXIT_CODES.has(run.code)) {
    return { verdict: 'wrong-exit', reason: `exit ${run.code}: ${firstLine(run.stderr)}` };
  }
  return OK;
}

/** A finding's grouping key: the verdict and the reason without numbers, paths and quoted parts. */
export function signatureOf(driver, classification) {
  const reason = classification.reason
    .replace(/'[^']*'|"[^"]*"/g, "'…'")
    .replace(/\/[^\s:]+/g, 'PATH')
    .replace(/\d+/g, 'N');
  return `${driver} ${classification.verdict}: ${reason}`;
}

function firstLine(text) {
  const line = text.split('\n').find((candidate) => candidate.trim() !== '') ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

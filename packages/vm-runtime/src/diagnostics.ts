import type { Span } from './ast.js';
import { escapeControlChars, showChar } from './terminal-text.js';

/**
 * A problem found in a program before it runs (lexer, parser, module loader, checker). Diagnostics are data:
 * stages collect them and keep going; only the CLI decides how to print them and which exit code follows.
 */
export interface Diagnostic {
  readonly severity: 'error' | 'warning';
  /**
   * The message text, exactly as the reference words it where the spec quotes one (language reference:
   * "Checker errors worth reproducing").
   */
  readonly message: string;
  readonly span: Span;
}

/** Creates an error diagnostic. */
export function errorAt(span: Span, message: string): Diagnostic {
  return { severity: 'error', message, span };
}

/** Creates a warning diagnostic. */
export function warningAt(span: Span, message: string): Diagnostic {
  return { severity: 'warning', message, span };
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** The reference's one-line form used by `aver bench`: `error[LINE:COL]: message`. */
export function formatDiagnosticLine(diagnostic: Diagnostic): string {
  return `${diagnostic.severity}[${diagnostic.span.line}:${diagnostic.span.column}]: ${diagnostic.message}`;
}

/** Code points of a source line a code frame shows at most; a longer line is cut to a window around the span. */
export const CODE_FRAME_WIDTH = 120;

/**
 * The human form used by `aver check`: `file:line:col: error: message`, then the source line and a caret under
 * the span (at least one `^`, at most to the end of the line). Input never reaches the terminal raw: terminal
 * controls in the path, the message and the source line are escaped (`\u{1b}`; tabs stay, so the caret lines up),
 * and a line longer than `CODE_FRAME_WIDTH` code points is shown as a window around the span, cut with `…`.
 */
export function renderDiagnostic(diagnostic: Diagnostic, sourceText: string | null): string {
  const { span } = diagnostic;
  const head = `${escapeControlChars(span.file)}:${span.line}:${span.column}: ${diagnostic.severity}: ${escapeControlChars(diagnostic.message)}`;
  if (sourceText === null) return head;
  const codePoints = lineCodePoints(sourceText, span.line);
  if (codePoints === null) return head;
  const gutter = String(span.line);
  const pad = ' '.repeat(gutter.length);
  const startCol = Math.max(1, Math.min(span.column, codePoints.length + 1));
  const spanLength = Array.from(
    sourceText.slice(span.start, Math.min(span.end, span.start + CODE_FRAME_WIDTH)),
  ).length;
  const width = Math.max(1, Math.min(spanLength, codePoints.length + 1 - startCol));
  // The window: the whole line when it fits, else up to a third of the width before the span.
  let from = 0;
  let to = codePoints.length;
  if (codePoints.length > CODE_FRAME_WIDTH) {
    from = Math.max(0, startCol - 1 - Math.floor(CODE_FRAME_WIDTH / 3));
    to = Math.min(codePoints.length, from + CODE_FRAME_WIDTH);
    from = Math.max(0, Math.min(from, to - CODE_FRAME_WIDTH));
  }
  const shown = (char: string) => (char === '\t' ? '\t' : showChar(char));
  const before = from > 0 ? '…' : '';
  const after = to < codePoints.length ? '…' : '';
  const text = codePoints.slice(from, to).map(shown).join('');
  const indent =
    ' '.repeat(before.length) +
    codePoints
      .slice(from, startCol - 1)
      .map((char) => (char === '\t' ? '\t' : ' '.repeat(shown(char).length)))
      .join('');
  const caret = codePoints
    .slice(startCol - 1, Math.min(startCol - 1 + width, to))
    .reduce((length, char) => length + shown(char).length, 0);
  return `${head}\n${pad} |\n${gutter} | ${before}${text}${after}\n${pad} | ${indent}${'^'.repeat(Math.max(1, caret))}`;
}

/**
 * The code points of the last line framed. Errors come in runs on one line (a long line with thousands of unknown
 * names gives thousands of diagnostics); splitting an 80,000-character line into code points again for each of them
 * made `aver check` quadratic (20 s for one 87 KB file; found by bench/fuzz).
 */
let lastLine: { text: string; line: number; codePoints: readonly string[] | null } | null = null;

/** `sourceLine` as code points, remembered for the last text and line asked. */
function lineCodePoints(text: string, line: number): readonly string[] | null {
  if (lastLine === null || lastLine.text !== text || lastLine.line !== line) {
    const lineText = sourceLine(text, line);
    lastLine = { text, line, codePoints: lineText === null ? null : Array.from(lineText) };
  }
  return lastLine.codePoints;
}

/** Line `line` (1-based) of a text, without its line end, or `null` past the end; found without splitting the text. */
function sourceLine(text: string, line: number): string | null {
  let start = 0;
  for (let current = 1; current < line; current++) {
    const newline = text.indexOf('\n', start);
    if (newline < 0) return null;
    start = newline + 1;
  }
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  if (end > start && text.charCodeAt(end - 1) === 13) end--;
  return text.slice(start, end);
}

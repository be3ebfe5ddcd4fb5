import type { Span } from './ast.js';

/**
 * A problem found in a program before it runs (lexer, parser, module loader, checker). Diagnostics are data:
 * stages collect them and keep going; only the CLI decides how to print them and which exit code follows.
 */
export interface Diagnostic {
  readonly severity: 'error' | 'warning';
  /** The message text, exactly as the reference words it where the spec quotes one (§2.5). */
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

/**
 * The human form used by `aver check`: `file:line:col: error: message`, then the source line and a caret under
 * the span (at least one `^`, at most to the end of the line).
 */
export function renderDiagnostic(diagnostic: Diagnostic, sourceText: string | null): string {
  const { span } = diagnostic;
  const head = `${span.file}:${span.line}:${span.column}: ${diagnostic.severity}: ${diagnostic.message}`;
  if (sourceText === null) return head;
  const lines = sourceText.split(/\r?\n/);
  const lineText = lines[span.line - 1];
  if (lineText === undefined) return head;
  const gutter = String(span.line);
  const pad = ' '.repeat(gutter.length);
  const lineCodePoints = Array.from(lineText);
  const startCol = Math.max(1, Math.min(span.column, lineCodePoints.length + 1));
  const spanLength = Array.from(sourceText.slice(span.start, span.end)).length;
  const width = Math.max(1, Math.min(spanLength, lineCodePoints.length + 1 - startCol));
  const indent = lineCodePoints
    .slice(0, startCol - 1)
    .map((ch) => (ch === '\t' ? '\t' : ' '))
    .join('');
  return `${head}\n${pad} |\n${gutter} | ${lineText}\n${pad} | ${indent}${'^'.repeat(width)}`;
}

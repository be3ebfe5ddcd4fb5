import { expect } from 'vitest';
import { formatDiagnosticLine } from '../diagnostics.js';
import { loadProgram } from '../module-loader.js';
import { type CheckResult, checkProgram } from './check-program.js';

/** Dedents a template literal so test programs can be indented with the test code. */
export function source(text: string): string {
  const lines = text
    .replace(/^\n/, '')
    .replace(/\n\s*$/, '')
    .split('\n');
  const indent = Math.min(
    ...lines.filter((line) => line.trim() !== '').map((line) => line.match(/^ */)![0].length),
  );
  return `${lines.map((line) => line.slice(indent)).join('\n')}\n`;
}

/**
 * Loads and checks an in-memory program: `main.av` is the entry, other keys are module files relative to the
 * module root (`data/shapes.av`). Parse and load diagnostics fail the test, so checker tests start from valid syntax.
 */
export function checkFiles(files: Record<string, string>): CheckResult {
  const loaded = loadProgram('main.av', '.', (path) => {
    const key = path.replace(/^\.\//, '');
    return key in files ? files[key] : null;
  });
  expect(loaded.diagnostics.map(formatDiagnosticLine)).toEqual([]);
  return checkProgram(loaded);
}

/** Checks one entry file. */
export function checkSource(text: string): CheckResult {
  return checkFiles({ 'main.av': text });
}

/** The `severity[line:col]: message` lines of a check (errors only unless `warnings` is set). */
export function diagnosticLines(result: CheckResult, warnings = false): string[] {
  return result.diagnostics.filter((d) => warnings || d.severity === 'error').map(formatDiagnosticLine);
}

/** Checks a program and returns its error lines. */
export function errorsOf(text: string): string[] {
  return diagnosticLines(checkSource(source(text)));
}

/** Asserts that a program (dedented) checks without errors. */
export function expectClean(text: string): CheckResult {
  const result = checkSource(source(text));
  expect(diagnosticLines(result)).toEqual([]);
  return result;
}

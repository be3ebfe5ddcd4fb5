import { expect } from 'vitest';
import { source } from './checker/test-helpers.js';
import { formatDiagnosticLine } from './diagnostics.js';
import { loadProgram } from './module-loader.js';
import { type LoweredProgram, type PipelineOptions, runPipeline } from './pipeline.js';
import {
  type CompiledProgram,
  type CompileOptions,
  compileWith,
  type InternalCompileOptions,
  type RunOptions,
  type RunResult,
  runProgram,
} from './program.js';

export { source };

/**
 * Compiles an in-memory program: `main.av` is the entry, other keys are module files relative to the module root
 * (`data/shapes.av`). Any failure fails the test with the compiler's message.
 */
export function compileFiles(
  files: Record<string, string>,
  options: CompileOptions = {},
  internal: InternalCompileOptions = {},
): CompiledProgram {
  const read = (path: string) => {
    const key = path.replace(/^\.\//, '');
    return key in files ? files[key] : null;
  };
  const result = compileWith(
    files['main.av'],
    'main.av',
    { moduleRoot: '.', ...options },
    { readFile: read, ...internal },
  );
  if (!result.ok) throw new Error(`${result.stage}: ${result.message}`);
  return result.program;
}

/** Compiles one entry file (see `compileFiles`). */
export function compileText(text: string, internal: InternalCompileOptions = {}): CompiledProgram {
  return compileFiles({ 'main.av': text }, {}, internal);
}

/** What a run printed and returned. */
export interface CapturedRun extends RunResult {
  readonly stdout: string[];
  readonly stderr: string[];
}

/** Runs a compiled program with its console captured line by line. */
export function runCaptured(program: CompiledProgram, options: RunOptions = {}): CapturedRun {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const console = {
    writeOut: (line: string) => stdout.push(line),
    writeErr: (line: string) => stderr.push(line),
  };
  return { ...runProgram(program, { ...options, console }), stdout, stderr };
}

/** Compiles and runs one entry file with its console captured. */
export function runText(text: string, options: RunOptions = {}): CapturedRun {
  return runCaptured(compileText(text), options);
}

/** Loads an in-memory entry file and runs the pipeline over it; parse and type errors fail the test. */
export function lowerText(text: string, options: PipelineOptions = {}): LoweredProgram {
  const loaded = loadProgram('main.av', '.', (path) =>
    path.replace(/^\.\//, '') === 'main.av' ? text : null,
  );
  expect(loaded.diagnostics.map(formatDiagnosticLine)).toEqual([]);
  const outcome = runPipeline(loaded, options);
  if (!outcome.ok) throw new Error(outcome.diagnostics.map(formatDiagnosticLine).join('\n'));
  return outcome.program;
}

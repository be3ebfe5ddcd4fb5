import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import fc from 'fast-check';
import { checkProgram } from '../src/checker/index.js';
import { formatDiagnosticLine, hasErrors } from '../src/diagnostics.js';
import { displayValue } from '../src/display.js';
import { AverRuntimeError } from '../src/errors.js';
import { loadProgram } from '../src/module-loader.js';
import type { PipelineStage } from '../src/pipeline.js';
import { compileWith, runProgram } from '../src/program.js';
import type { Rng } from './program-generator.js';
import { evaluateReference } from './reference-evaluator.js';

/**
 * The comparison behind differential.test.ts: a program's optimised run (the real pipeline and compiler) against
 * the reference evaluator (reference-evaluator.ts) on the same source.
 */

/** What one run of a program gave, in the terms the two executions are compared in. */
interface Outcome {
  readonly stdout: readonly string[];
  /** The display of `main`'s value (`null`: Unit), unless the run failed. */
  readonly value: string | null;
  /** The bare message of a runtime error. */
  readonly error: string | null;
}

/** Stages the differential test can leave out: the optimising ones that are pipeline stages. */
const UNOPTIMISED: ReadonlySet<PipelineStage> = new Set(['interp_lower', 'buffer_build', 'last_use']);

function runOptimised(text: string, path: string, skip?: ReadonlySet<PipelineStage>): Outcome {
  const compiled = compileWith(text, path, { moduleRoot: dirname(path) }, { skip });
  if (!compiled.ok) throw new Error(`generator bug (${compiled.stage}):\n${compiled.message}\n\n${text}`);
  const stdout: string[] = [];
  const console = { writeOut: (line: string) => stdout.push(line), writeErr: () => {} };
  try {
    // No deadline: every program here ends (generated loops are bounded, the limits goldens are left out), and a
    // deadline would turn a loaded machine into a disagreement. A runaway program fails on vitest's test timeout.
    const { value } = runProgram(compiled.program, { console });
    return { stdout, value: displayValue(value), error: null };
  } catch (error) {
    // Anything but an AverRuntimeError (a JS TypeError from a cleared slot …) is a VM bug: report it as an outcome.
    const message = error instanceof AverRuntimeError ? error.message : `internal: ${String(error)}`;
    return { stdout, value: null, error: message };
  }
}

function runReference(text: string, path: string): Outcome {
  const read = (file: string) =>
    resolve(file) === resolve(path) ? text : existsSync(file) ? readFileSync(file, 'utf8') : null;
  const loaded = loadProgram(path, dirname(path), read);
  const { diagnostics, program } = checkProgram(loaded);
  if (hasErrors(loaded.diagnostics) || hasErrors(diagnostics)) {
    const lines = [...loaded.diagnostics, ...diagnostics].map(formatDiagnosticLine).join('\n');
    throw new Error(`generator bug (check):\n${lines}\n\n${text}`);
  }
  const result = evaluateReference(program);
  return {
    stdout: result.stdout,
    value: result.error === null ? displayValue(result.value!) : null,
    error: result.error,
  };
}

/**
 * Runs `text` both ways: `null` when they agree, else a report of both outcomes (and of a run without the optimising
 * pipeline stages, to tell a pass's bug from the compiler's) and the program. Throws when the program does not
 * compile: a generated program that does not is a generator bug.
 */
export function compareWithReference(text: string, path = 'main.av'): string | null {
  const reference = runReference(text, path);
  const optimised = runOptimised(text, path);
  if (JSON.stringify(optimised) === JSON.stringify(reference)) return null;
  const plain = runOptimised(text, path, UNOPTIMISED);
  const show = (outcome: Outcome) => JSON.stringify(outcome, null, 1);
  return (
    `optimised run differs from the reference\n--- reference\n${show(reference)}\n--- optimised\n` +
    `${show(optimised)}\n--- without interp_lower, buffer_build, last_use\n${show(plain)}\n--- program\n${text}`
  );
}

/** Throws the report of `compareWithReference` when the two runs disagree. */
export function expectSameAsReference(text: string, path = 'main.av'): void {
  const disagreement = compareWithReference(text, path);
  if (disagreement !== null) throw new Error(disagreement);
}

/** A `Rng` over fast-check's `gen()`, so fast-check records (and shrinks) every choice. */
export function rngOf(g: fc.GeneratorValue): Rng {
  return { int: (min, max) => g(fc.integer, { min, max }) };
}

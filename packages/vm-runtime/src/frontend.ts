import { describeIoError, readTextFile, readTextFileIfExists } from '@aver/host-io';
import { dirname, resolve } from 'node:path';
import { type Diagnostic, formatDiagnosticLine, hasErrors } from './diagnostics.js';
import { loadProgram } from './module-loader.js';
import { type LoweredProgram, type PipelineOptions, type PipelineStage, runPipeline } from './pipeline.js';
import { VmMessages } from './vm-messages.js';

/**
 * The front end every backend shares: source → parsed modules → the seven-stage pipeline ("The bytecode VM and the canonical pipeline") → a checked,
 * lowered program. The bytecode compiler consumes it, and so can any other backend (the JS target does).
 */

/** Options of `lowerFile` / `lowerSource` (and of `compileFile` / `compileSource`). */
export interface FrontEndOptions {
  /**
   * Where `depends [A.B]` finds `a/b.av`; default: the entry file's directory (what the bench uses,
   * language reference: "Modules and imports").
   */
  readonly moduleRoot?: string;
  /**
   * Called with each pipeline stage's name right after it ran (`passes_applied`, language reference:
   * "End-to-end flow").
   */
  readonly onAfterPass?: (stage: string) => void;
}

/** Options of the front end beyond the public ones. */
export interface InternalFrontEndOptions {
  /** Stages to leave out (tests compare outputs with and without an optimisation). */
  readonly skip?: ReadonlySet<PipelineStage>;
  /** Reads dependency files (the commands resolve paths against their working directory). */
  readonly readFile?: (path: string) => string | null;
}

/** Why the front end stopped: the stage, its diagnostics, and one message (`error[L:C]: msg` lines). */
export interface FrontEndFailure {
  readonly ok: false;
  readonly stage: 'read' | 'parse' | 'typecheck';
  readonly diagnostics: readonly Diagnostic[];
  /** For `parse`/`typecheck`: the errors as `error[L:C]: msg` lines joined by `\n`; for `read`: `path: reason`. */
  readonly message: string;
}

/** The outcome of the front end: the lowered program and the stages that ran, or the failure. */
export type LowerResult =
  | {
      readonly ok: true;
      readonly program: LoweredProgram;
      /** The pipeline stages that ran, in order (language reference: "End-to-end flow"). */
      readonly passesApplied: readonly string[];
    }
  | FrontEndFailure;

/**
 * Reads an Aver file and runs the front end over it and the modules it depends on. Never throws for a bad
 * program: a missing or non-UTF-8 file is a `read` failure, syntax and module errors `parse`, type errors
 * `typecheck`.
 *
 * @param entryPath - The file to lower.
 * @param options - Module root and the pass hook.
 * @returns The lowered program, or the failing stage with its diagnostics.
 */
export function lowerFile(entryPath: string, options: FrontEndOptions = {}): LowerResult {
  const read = readEntry(entryPath);
  if (typeof read !== 'string') return read;
  return lowerSource(read, entryPath, options);
}

/**
 * `lowerFile` from text: the entry's source as if it were the file at `path` (dependencies are still read from
 * the module root).
 */
export function lowerSource(text: string, path: string, options: FrontEndOptions = {}): LowerResult {
  return lowerWith(text, path, options, {});
}

/** `lowerSource` with internal options. */
export function lowerWith(
  text: string,
  path: string,
  options: FrontEndOptions,
  internal: InternalFrontEndOptions,
): LowerResult {
  const moduleRoot = options.moduleRoot ?? dirname(path);
  const entryId = resolve(path);
  const readFile = internal.readFile ?? readTextFileIfExists;
  const loaded = loadProgram(path, moduleRoot, (file) => (resolve(file) === entryId ? text : readFile(file)));
  if (hasErrors(loaded.diagnostics)) return failure('parse', loaded.diagnostics);
  const pipeline: PipelineOptions = { onAfterPass: options.onAfterPass, skip: internal.skip };
  const outcome = runPipeline(loaded, pipeline);
  if (!outcome.ok) return failure('typecheck', outcome.diagnostics);
  return { ok: true, program: outcome.program, passesApplied: outcome.passesApplied };
}

/**
 * The entry file's text, or the `read` failure in Rust's words (`path: No such file or directory (os error 2)`,
 * `path: stream did not contain valid UTF-8` …).
 */
export function readEntry(entryPath: string): string | FrontEndFailure {
  try {
    return readTextFile(entryPath);
  } catch (error) {
    const message = VmMessages.cannotRead(entryPath, describeIoError(error));
    return { ok: false, stage: 'read', diagnostics: [], message };
  }
}

function failure(stage: 'parse' | 'typecheck', diagnostics: readonly Diagnostic[]): FrontEndFailure {
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  return { ok: false, stage, diagnostics, message: errors.map(formatDiagnosticLine).join('\n') };
}

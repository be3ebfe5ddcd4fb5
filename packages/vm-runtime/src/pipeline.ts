import { type CheckedProgram, checkProgram } from './checker/index.js';
import { type Diagnostic, hasErrors } from './diagnostics.js';
import type { LoadedProgram } from './module-loader.js';
import { type AnalyzeResult, analyzeUnits } from './passes/analyze.js';
import { type BufferBuildStats, buildBufferedVariants } from './passes/buffer-build.js';
import { buildCodeUnits, type CodeUnit } from './passes/code-unit.js';
import { type InterpLowerStats, lowerInterpolations } from './passes/interp-lower.js';
import { type LastUseStats, markLastUses } from './passes/last-use.js';
import { type ResolveStats, resolveSlots } from './passes/resolve.js';
import { markTailCalls, type ProgramFile, type TcoStats } from './passes/tco.js';

/** The seven stages of the canonical pipeline, in their fixed order (language reference: "End-to-end flow"). */
export const PIPELINE_STAGES = [
  'tco',
  'typecheck',
  'interp_lower',
  'buffer_build',
  'resolve',
  'last_use',
  'analyze',
] as const;

export type PipelineStage = (typeof PIPELINE_STAGES)[number];

/** What each stage reported, for tests and `aver run --dump`. */
export interface StageReports {
  tco?: TcoStats;
  typecheck?: { readonly functions: number; readonly warnings: number };
  interp_lower?: InterpLowerStats;
  buffer_build?: BufferBuildStats;
  resolve?: ResolveStats;
  last_use?: LastUseStats;
  analyze?: AnalyzeResult;
}

/** The program after the pipeline: checked, lowered, resolved and analysed code units ready to compile. */
export interface LoweredProgram {
  readonly checked: CheckedProgram;
  readonly units: readonly CodeUnit[];
  readonly compilerVisibleAllocs: number;
  /** Checker warnings (they do not stop the pipeline). */
  readonly warnings: readonly Diagnostic[];
  readonly reports: StageReports;
}

export interface PipelineOptions {
  /** Called with each stage's name right after it ran (what the bench records as `passes_applied`). */
  readonly onAfterPass?: (stage: string) => void;
  /** Stages to leave out (tests compare output with and without an optimisation); never `typecheck`. */
  readonly skip?: ReadonlySet<PipelineStage>;
}

export type PipelineOutcome =
  | { readonly ok: true; readonly program: LoweredProgram; readonly passesApplied: readonly string[] }
  | {
      readonly ok: false;
      readonly diagnostics: readonly Diagnostic[];
      readonly passesApplied: readonly string[];
    };

/**
 * Runs the canonical pipeline over a parsed program: `tco → typecheck → interp_lower → buffer_build → resolve →
 * last_use → analyze` (language reference: "End-to-end flow", "What each stage does"). Each stage that runs is
 * announced to `onAfterPass` and listed in `passesApplied`; type errors stop the pipeline before any later stage (and
 * `typecheck` is then not announced).
 */
export function runPipeline(loaded: LoadedProgram, options: PipelineOptions = {}): PipelineOutcome {
  const passesApplied: string[] = [];
  const reports: StageReports = {};
  const skip = options.skip ?? new Set<PipelineStage>();
  const done = (stage: PipelineStage) => {
    passesApplied.push(stage);
    options.onAfterPass?.(stage);
  };

  if (!skip.has('tco')) {
    const files: ProgramFile[] = loaded.order.map((key) => ({ file: loaded.modules.get(key)!, module: key }));
    files.push({ file: loaded.entry, module: null });
    reports.tco = markTailCalls(files);
    done('tco');
  }

  const { diagnostics, program: checked } = checkProgram(loaded);
  if (hasErrors(diagnostics)) return { ok: false, diagnostics, passesApplied };
  reports.typecheck = { functions: checked.functions.size, warnings: diagnostics.length };
  done('typecheck');

  const units = buildCodeUnits(checked);
  if (!skip.has('interp_lower')) {
    reports.interp_lower = lowerInterpolations(units, checked.exprTypes);
    done('interp_lower');
  }
  if (!skip.has('buffer_build')) {
    reports.buffer_build = buildBufferedVariants(units, checked);
    done('buffer_build');
  }
  reports.resolve = resolveSlots(units, checked.exprTypes);
  done('resolve');
  if (!skip.has('last_use')) {
    reports.last_use = markLastUses(units);
    done('last_use');
  }
  reports.analyze = analyzeUnits(units);
  done('analyze');

  const program: LoweredProgram = {
    checked,
    units,
    compilerVisibleAllocs: reports.analyze.compilerVisibleAllocs,
    warnings: diagnostics,
    reports,
  };
  return { ok: true, program, passesApplied };
}

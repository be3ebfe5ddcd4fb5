export type { DiffReport, MetricDiff } from './types.js';
export { metricDiff } from './metric-diff.js';
export { diff } from './diff.js';
export { formatDiff } from './format-diff.js';
export { formatDiffLine } from './format-diff-line.js';
export { formatRustDebugList, formatRustDebugString } from './rust-debug.js';
export type { ReportNotes } from './report-notes.js';
export { reportNotes } from './report-notes.js';
export type { TimeCase, TimeComparison, TimeEffect, Verdict } from './time-comparison.js';
export {
  DEFAULT_EFFECT_PCT,
  effectTolerancePct,
  GATE_ALPHA,
  judgeTimes,
  measureTimeEffect,
  timeVerdict,
} from './time-comparison.js';
export type {
  CountDelta,
  CounterChanges,
  CounterComparison,
  FunctionChange,
  OpcodeChange,
} from './counter-comparison.js';
export {
  compareCounters,
  counterChanges,
  TOP_CHANGES,
  topFunctionChanges,
  topOpcodeChanges,
} from './counter-comparison.js';
export {
  formatCounterChanges,
  formatFunctionChange,
  formatOpcodeChange,
  formatSignedCount,
} from './format-counter-change.js';
export type { AbComparison, AbSide, ResponseStatus } from './ab-comparison.js';
export { abRegressed, compareResponses, formatAbLine, formatAbTable } from './ab-comparison.js';
export type { StatDiff } from './stat-diff.js';
export {
  formatStatDiff,
  formatStatDiffLine,
  formatStatSummary,
  MIN_STAT_REPLICATES,
  measureBaselineEffect,
  replicateSamples,
  statDiff,
} from './stat-diff.js';
export type { NoiseFile, ScenarioNoise } from './noise-file.js';
export { NoiseFileError, NoiseFileSchema, parseNoiseFile, serializeNoiseFile } from './noise-file.js';

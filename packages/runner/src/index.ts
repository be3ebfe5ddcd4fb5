export type { RunErrorKind } from './run-error.js';
export { isRunError, RunError } from './run-error.js';
export type { TargetErrorKind } from './target-error.js';
export { TargetError } from './target-error.js';
export type {
  EmittedProgram,
  IsolateNeeds,
  PreparedScenario,
  ScenarioIsolation,
  TargetBackend,
  TargetJob,
  TargetSandbox,
  TargetRunner,
} from './target.js';
export {
  getTarget,
  isTargetName,
  listTargets,
  REFERENCE_TARGETS,
  registerTarget,
  resolveTarget,
  unregisterTarget,
} from './target-registry.js';
export { isTargetRunner } from './load-target.js';
export type { RunScenarioOptions, ScenarioRun } from './run-scenario.js';
export { runScenario, runScenarioDetailed } from './run-scenario.js';
export type { Replicate, ReplicateOptions } from './run-replicate.js';
export { createTargetJob, runReplicate } from './run-replicate.js';
export { buildReport } from './build-report.js';
export type { ProtocolPlan, ReplicateMeasurement } from './measure-replicate.js';
export { measureReplicate } from './measure-replicate.js';
export type { WarmupOutcome, WarmupPlan } from './warm-up.js';
export { AUTO_WARMUP } from './warm-up.js';
export type { TrendResult } from './steady-state.js';
export { TREND_MIN_RATIO, TREND_MIN_SAMPLES, TREND_P_VALUE, testTrend } from './steady-state.js';
export type { ResponseDifference } from './first-difference.js';
export { escapeBytes, firstDifference } from './first-difference.js';
export { captureHost } from './capture-host.js';
export { computeExpectedMatch, expectedMatchOverRuns } from './expected-match.js';
export { vmTarget } from './vm-target.js';
export type { ProfiledCounters, StackSample } from './profiled-counters.js';
export { hasStackProfile } from './profiled-counters.js';

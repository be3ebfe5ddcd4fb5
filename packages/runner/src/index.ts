export type { RunErrorKind } from './run-error.js';
export { RunError } from './run-error.js';
export type { TargetErrorKind } from './target-error.js';
export { TargetError } from './target-error.js';
export type {
  ScenarioIsolation,
  TargetBackend,
  TargetRunContext,
  TargetRunner,
  TargetRunResult,
} from './target-runner.js';
export {
  getTarget,
  listTargets,
  REFERENCE_TARGETS,
  registerTarget,
  resolveTarget,
  unregisterTarget,
} from './target-registry.js';
export type { RunScenarioOptions, ScenarioRun } from './run-scenario.js';
export { runScenario, runScenarioDetailed } from './run-scenario.js';
export { captureHost } from './capture-host.js';
export { computeExpectedMatch, expectedMatchOverRuns } from './expected-match.js';
export { vmTarget } from './vm-target.js';

export type {
  AbLine,
  Comparison,
  FailureLine,
  HistoryPoint,
  ResultEntry,
  ResultFile,
  ScenarioHistory,
  ScenarioResult,
  ShardLine,
  StatDiffLine,
  Verdict,
} from './types.js';
export { ResultsError } from './results-error.js';
export { readResults } from './read-results.js';
export { comparisonFromAb, comparisonFromDiff, comparisonFromStatDiff } from './comparison.js';
export { collectHistory, collectScenarios } from './collect-scenarios.js';
export type { PlannedScenario } from './plan-shards.js';
export { expectedCostMs, planShards, SCENARIO_OVERHEAD_MS, shardOf } from './plan-shards.js';
export { formatShardLine } from './shard-line.js';
export type { MergedShards } from './merge-shards.js';
export { mergeShards } from './merge-shards.js';

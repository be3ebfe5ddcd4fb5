import type * as v from 'valibot';
import type {
  BackendInfoSchema,
  BenchReportSchema,
  FunctionCountersSchema,
  HostInfoSchema,
  IterationStatsSchema,
  ReplicateRecordSchema,
  RunCountersSchema,
  ScenarioMetadataSchema,
  SteadyStateSchema,
} from './schema.js';

/*
 * The report's types, derived from the valibot schemas in `schema.ts` (the one declaration of the shape; its entries
 * carry the documentation). Each is what `parseReport` returns: every key present, `null` for absent values.
 */

/** Which scenario ran, and how often (the reference's `ScenarioMetadata`). */
export type ScenarioMetadata = v.InferOutput<typeof ScenarioMetadataSchema>;
/** The build that ran the bench (the reference's `BackendInfo`). */
export type BackendInfo = v.InferOutput<typeof BackendInfoSchema>;
/** The machine that ran the bench (the reference's `HostInfo`). */
export type HostInfo = v.InferOutput<typeof HostInfoSchema>;
/** Wall-time statistics over the timed iterations, in milliseconds (the reference's `IterationStats`). */
export type IterationStats = v.InferOutput<typeof IterationStatsSchema>;
/** Deterministic counters of one counted run (an addition to the reference contract). */
export type RunCounters = v.InferOutput<typeof RunCountersSchema>;
/** Counters of one Aver function in a counted run (an addition). */
export type FunctionCounters = v.InferOutput<typeof FunctionCountersSchema>;
/** The steady-state test of one replicate's timed samples (an addition). */
export type SteadyState = v.InferOutput<typeof SteadyStateSchema>;
/** One replicate (a fresh isolate with its own warm-up and timed samples) of a scenario (an addition). */
export type ReplicateRecord = v.InferOutput<typeof ReplicateRecordSchema>;
/** One scenario's report: one JSON document, or one NDJSON line in directory mode. */
export type BenchReport = v.InferOutput<typeof BenchReportSchema>;

/** Per-scenario regression thresholds in percent over baseline (`Tolerance`, §2.2). */
export interface Tolerance {
  /** How far p50 may grow over the baseline before it is a regression. */
  readonly wall_time_p50_pct: number;
  /** How far p95 may grow over the baseline before it is a regression. */
  readonly wall_time_p95_pct: number;
  /**
   * Our addition: the statistical verdicts' threshold (`aver-bench ab`, and `--compare`/`--baseline-dir` when both
   * sides carry replicates): the smallest growth of the median time, in percent, that a significant change must
   * exceed to be called a regression. Absent: `@aver/bench-diff`'s default (5 %). The reference-mode comparison
   * (one sample set against another) never reads it.
   */
  readonly wall_time_effect_pct?: number;
  /**
   * Our addition, opt-in: how far `counters.instructions` may grow over the baseline before it is a regression.
   * The count is exact and machine-independent, so `0` is a noise-free gate. Absent: instruction counts are only
   * noted, never gated (the reference has no such gate).
   */
  readonly instructions_pct?: number;
}

/**
 * The reference's default tolerance: p50 +20 %, p95 +30 % (p95 is noisier).
 *
 * @default { wall_time_p50_pct: 20, wall_time_p95_pct: 30 }
 */
export const DEFAULT_TOLERANCE: Tolerance = Object.freeze({ wall_time_p50_pct: 20, wall_time_p95_pct: 30 });

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

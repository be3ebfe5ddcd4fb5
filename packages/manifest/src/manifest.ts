import type { EffectsShape } from './effects-schema.js';

/** The optional `[expected]` table: bounds on the response size in bytes (`null` = not given). */
export interface ExpectedShape {
  readonly responseBytes: number | null;
  readonly responseBytesMin: number | null;
  readonly responseBytesMax: number | null;
}

/** Per-scenario regression thresholds in percent over the baseline (the `[tolerance]` table; the reference's `Tolerance`). */
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

/** A validated scenario manifest (bench spec: "Scenario manifest: in-memory structs"), ready for a runner. */
export interface Manifest {
  /** The manifest path as given (for an ad-hoc run, the `.av` path). */
  readonly path: string;
  /** `name`, or the manifest's file stem. */
  readonly name: string;
  /**
   * The entry program: absolute, or joined verbatim to the manifest's folder (bench spec: "Path-resolution rules").
   */
  readonly entry: string;
  /** Where `depends [...]` modules are looked up: `module_root`, or the entry's folder (`.` for a bare name). */
  readonly moduleRoot: string;
  /** Timed iterations, at least 1. */
  readonly iterations: number;
  /**
   * Untimed warm-up runs before the timed ones, or `'auto'`: warm up until the per-run time is stable, within
   * a bounded budget (the runner's stopping rule; our addition).
   */
  readonly warmup: number | 'auto';
  /** Command-line arguments the program sees through `Args.get()`. */
  readonly args: readonly string[];
  readonly expected: ExpectedShape;
  /** Regression limits for `--compare` and `--baseline-dir`. */
  readonly tolerance: Tolerance;
  /** What the scenario may do beyond the bench sandbox's defaults (`[effects]`). */
  readonly effects: EffectsShape;
  /**
   * Time limit of the scenario's whole run (every replicate) in ms (`timeout_ms`; our addition): when it passes,
   * the runner ends the scenario's isolate and the scenario fails with a timeout.
   */
  readonly timeoutMs: number;
  /** Heap limit of each of the scenario's isolates in MiB (`memory_limit_mb`; our addition); `null`: Node's. */
  readonly memoryLimitMb: number | null;
  /** Problems that do not stop the run, such as unknown (likely misspelt) keys. */
  readonly warnings: readonly string[];
}

/** Default `iterations` of a TOML manifest. */
export const DEFAULT_ITERATIONS = 10;
/** Default `warmup` of a TOML manifest. */
export const DEFAULT_WARMUP = 1;
/** Default `timeout_ms`: five minutes for a scenario's whole run. */
export const DEFAULT_TIMEOUT_MS = 300_000;
/** Default `iterations` of an ad-hoc `.av` run. */
export const AD_HOC_ITERATIONS = 30;
/** Default `warmup` of an ad-hoc `.av` run. */
export const AD_HOC_WARMUP = 3;

/** An `[expected]` table with no bounds. */
export const NO_EXPECTATIONS: ExpectedShape = Object.freeze({
  responseBytes: null,
  responseBytesMin: null,
  responseBytesMax: null,
});
/**
 * The default `[tolerance]`, the reference's: p50 +20 %, p95 +30 % (p95 is noisier); no statistical threshold of its
 * own and no instruction gate.
 */
export const DEFAULT_TOLERANCE: Tolerance = Object.freeze({ wall_time_p50_pct: 20, wall_time_p95_pct: 30 });

/**
 * The `aver bench` report contract (bench spec: "Report JSON: shape").
 *
 * Keys, their order and their nullability mirror the reference's serde structs exactly; the documented
 * additions (`response_sha256`, `samples_ms`, `counters`) are appended after the reference keys. Adding
 * keys is allowed by the contract; removing or renaming one is a breaking change.
 */

/** Which scenario ran, and how often (`ScenarioMetadata`). */
export interface ScenarioMetadata {
  /** Manifest name (defaults to the manifest file stem). */
  readonly name: string;
  /** Entry path exactly as resolved from the manifest (not normalised, bench spec: "Path-resolution rules"). */
  readonly entry: string;
  /** Target name, e.g. `vm`. */
  readonly target: string;
  /** Number of timed iterations. */
  readonly iterations_count: number;
  /** Number of untimed warm-up iterations. */
  readonly warmup_count: number;
}

/** The build that ran the bench (`BackendInfo`). */
export interface BackendInfo {
  /** Target name (same as `scenario.target`). */
  readonly name: string;
  /** Version of the harness/runtime that produced the report. */
  readonly aver_version: string;
  /** Build profile: `release` or `debug`. */
  readonly build: string;
  /**
   * Runtime version string for wasm targets, otherwise `null` (bench spec:
   * "Report JSON: `backend.wasmtime_version`").
   */
  readonly wasmtime_version: string | null;
}

/** The machine that ran the bench (`HostInfo`). */
export interface HostInfo {
  /** Rust-style OS name: `linux`, `macos`, `windows`, ... */
  readonly os: string;
  /** Rust-style architecture name: `x86_64`, `aarch64`, ... */
  readonly arch: string;
  /** Available parallelism (1 when unknown). */
  readonly cpus: number;
}

/** Wall-time statistics over the timed iterations, in milliseconds (`IterationStats`, bench spec: "Statistics"). */
export interface IterationStats {
  readonly min_ms: number;
  readonly max_ms: number;
  readonly mean_ms: number;
  readonly p50_ms: number;
  readonly p95_ms: number;
  readonly p99_ms: number;
}

/** Deterministic counters of one counted run (an addition to the reference contract). */
export interface RunCounters {
  /** Bytecode instructions executed. */
  readonly instructions: number;
  /** Function calls made. */
  readonly calls: number;
  /** Heap allocations made. */
  readonly allocations: number;
  /**
   * Addition: instructions executed per opcode (opcode name → count, written sorted by name); `null` or absent when
   * the target does not count per opcode. The counts add up to `instructions`.
   */
  readonly by_opcode?: Readonly<Record<string, number>> | null;
  /**
   * Addition: one row per Aver function that ran (calls, own instructions, own allocations), written most
   * instructions first; `null` or absent when the target does not count per function.
   */
  readonly functions?: readonly FunctionCounters[] | null;
}

/** Counters of one Aver function in a counted run (an addition to the reference contract). */
export interface FunctionCounters {
  /** The function's name as written in the source (`step`, `Module.fn`). */
  readonly name: string;
  /** The source file that defines it, as the runtime names it. */
  readonly file: string;
  /** 1-based line of its definition; `null` for code outside any function (`__top_level__`). */
  readonly line: number | null;
  /** Times it was called. */
  readonly calls: number;
  /** Instructions executed in its own frames (callees not included). */
  readonly instructions: number;
  /** Heap allocations made in its own frames. */
  readonly allocations: number;
}

/** The steady-state test of one replicate's timed samples (an addition; see the runner's README). */
export interface SteadyState {
  /** Kendall's tau-b between sample index and duration; negative when later samples are faster. */
  readonly kendall_tau: number;
  /** One-sided p-value of "later samples are faster" (Mann–Kendall, asymptotic, ties corrected). */
  readonly p_value: number;
  /** Median of the first third of the samples over the median of the last third. */
  readonly early_late_ratio: number;
  /** Whether the samples were still trending down (`p_value < 0.01` and `early_late_ratio >= 1.05`). */
  readonly trending: boolean;
}

/** One replicate (a fresh isolate with its own warm-up and timed samples) of a scenario (an addition). */
export interface ReplicateRecord {
  /** This replicate's timed samples in ms, in measurement order. */
  readonly samples_ms: readonly number[];
  /** Untimed warm-up runs this replicate made. */
  readonly warmup_count: number;
  /** For `warmup = "auto"`: whether the warm-up reached a stable run time within its budget; otherwise `null`. */
  readonly warmup_stable: boolean | null;
  /** The steady-state test of `samples_ms`; `null` when there were too few samples to test. */
  readonly steady_state: SteadyState | null;
}

/** One scenario's report: one JSON document, or one NDJSON line in directory mode. */
export interface BenchReport {
  readonly scenario: ScenarioMetadata;
  readonly backend: BackendInfo;
  readonly host: HostInfo;
  readonly iterations: IterationStats;
  /**
   * Byte length of the rendered response; `null` when `main` returns `Unit` (bench spec:
   * "Report JSON: `response_bytes`").
   */
  readonly response_bytes: number | null;
  /**
   * Whether the response met `[expected]`; always `null` in the reference (bench spec:
   * "Report JSON: `expected_match`").
   */
  readonly expected_match: boolean | null;
  /** Compiler pipeline stages that ran, in order. */
  readonly passes_applied: readonly string[];
  /** IR-level allocation-site count (bench spec: "Report JSON: `compiler_visible_allocs`"), or `null`. */
  readonly compiler_visible_allocs: number | null;
  /** Addition: lowercase hex SHA-256 of the rendered response's UTF-8 bytes; `null` for `Unit`. */
  readonly response_sha256: string | null;
  /** Addition: the timed samples in milliseconds, in measurement order; `null` when not recorded. */
  readonly samples_ms: readonly number[] | null;
  /** Addition: counters of one counted run, or `null` when not counted. */
  readonly counters: RunCounters | null;
  /**
   * Addition: one record per replicate, in run order. Written only when it says more than the keys above
   * (several replicates, `warmup = "auto"`, or samples still trending down); absent reads as `null`.
   */
  readonly replicates?: readonly ReplicateRecord[] | null;
}

/**
 * Per-scenario regression thresholds in percent over baseline (`Tolerance`, bench spec:
 * "Scenario manifest: in-memory structs").
 */
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
